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
 * A single-line string field (a code, a name, an id): no U+0000, no lone surrogate, no C0 control
 * character (U+0001–U+001F) and no U+007F ({@link TextRules#isSingleLine}). Null is valid. The message
 * code is {@code SingleLine} (Spring's field error codes: {@code SingleLine.<field>}, {@code SingleLine}).
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "must not contain U+0000, a control character or an unpaired surrogate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
