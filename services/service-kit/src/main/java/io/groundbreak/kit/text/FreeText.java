package io.groundbreak.kit.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free-text string field (a note, a reason): tab, line feed and carriage return are allowed, but no
 * U+0000, no other C0 control character and no lone surrogate ({@link TextRules#isFreeText}). Null is
 * valid. The message code is {@code FreeText}.
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface FreeText {

    String message() default "must not contain U+0000, a control character other than tab or line breaks, or an unpaired surrogate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
