package org.gatehouse.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person could mean: years 1 to 9999. ISO-8601 parsing accepts signed years up to
 * ±999,999,999, and arithmetic or a conversion to an Instant or a database timestamp then
 * overflows (a 500 for {@code ?to=+999999999-12-31}); bounded at the edge, it is a 400.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CalendarDate.Validator.class)
public @interface CalendarDate {

	String message() default "{web.date.out-of-range}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	LocalDate MIN = LocalDate.of(1, 1, 1);

	LocalDate MAX = LocalDate.of(9999, 12, 31);

	class Validator implements ConstraintValidator<CalendarDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
		}
	}
}
