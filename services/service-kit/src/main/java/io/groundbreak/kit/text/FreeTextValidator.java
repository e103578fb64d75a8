package io.groundbreak.kit.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class FreeTextValidator implements ConstraintValidator<FreeText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || TextRules.isFreeText(value.toString());
    }
}
