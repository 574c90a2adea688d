package cn.fjsti.chainreport.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request field that is free text: it must pass {@link FreeText}'s rule of its kind (checked at the door). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {

    FreeText value();

    /** Whether an empty text (null, blank, only invisible characters) is refused. */
    boolean required() default false;

    /** What to say when a required text is empty; by default the rule's own message. */
    String message() default DEFAULT_MESSAGE;

    String DEFAULT_MESSAGE = "内容不符合要求";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Runs the rule; the message it gives names the character and its place, and holds no user text. */
    class Validator implements ConstraintValidator<Text, String> {

        private FreeText rule;
        private boolean required;
        private String emptyMessage;

        @Override
        public void initialize(Text annotation) {
            rule = annotation.value();
            required = annotation.required();
            emptyMessage = DEFAULT_MESSAGE.equals(annotation.message()) ? null : annotation.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = rule.problem(value, required);
            if (problem == null) {
                return true;
            }
            if (emptyMessage != null && rule.problem(value, false) == null) {
                problem = emptyMessage;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
            return false;
        }

        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
