package org.gatehouse.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Problem documents for validation failures of {@link ApiController}s, with an
 * {@code errors: [{field, message}]} list, for login failures and for the statuses they throw
 * ({@code ResponseStatusException}). Spring MVC's standard errors (malformed JSON, 415, 404, 405, ...)
 * under /api/ are {@link FrameworkErrorResolver}'s. Applies to Gatehouse's API controllers only, and is
 * ordered before Spring Boot's problem-details handler, should the application have enabled it.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(-1)
class ApiErrorHandler {

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	public ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException ex) {
		return ResponseEntity.badRequest().body(validationProblem(ex.getBindingResult(), ApiErrorHandler::snakeCase));
	}

	/** A query or path parameter out of its bounds (@Size, @Positive, {@link CalendarDate}...), named in {@code errors}. */
	@ExceptionHandler(HandlerMethodValidationException.class)
	public ResponseEntity<ProblemDetail> parameterNotValid(HandlerMethodValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.validation"));
		problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
		List<Map<String, String>> list = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
			String name = param != null && !param.name().isEmpty() ? param.name()
					: result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(error -> list.add(Map.of("field", String.valueOf(name),
					"message", messages.getMessage(error, LocaleContextHolder.getLocale()))));
		});
		problem.setProperty("errors", list);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidRequestException.class)
	public ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		return ResponseEntity.badRequest().body(validationProblem(ex.errors(), ex::jsonField));
	}

	@ExceptionHandler(org.gatehouse.http.TooManyRequestsException.class)
	public ResponseEntity<ProblemDetail> tooManyRequests(org.gatehouse.http.TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				text("problem.too-many-requests", ex.retryAfterSeconds()));
		problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(ex.retryAfterSeconds())).body(problem);
	}

	/**
	 * "No such session", "No such token": the status the controller chose, the detail from the bundle
	 * in the request's language ({@link org.gatehouse.http.LocalizedStatusException}).
	 */
	@ExceptionHandler(ErrorResponseException.class)
	public ResponseEntity<ProblemDetail> status(ErrorResponseException ex) {
		ProblemDetail body = ex.updateAndGetBody(messages, LocaleContextHolder.getLocale());
		return ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders()).body(body);
	}

	/** One answer for unknown user, wrong password and inactive account. */
	@ExceptionHandler(BadCredentialsException.class)
	public ResponseEntity<ProblemDetail> badCredentials() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				text("login.error"));
		problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	private ProblemDetail validationProblem(Errors errors, UnaryOperator<String> jsonField) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.validation"));
		problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
		List<Map<String, String>> list = new ArrayList<>();
		for (FieldError error : errors.getFieldErrors()) {
			list.add(Map.of("field", jsonField.apply(error.getField()), "message", message(error)));
		}
		errors.getGlobalErrors().forEach(error -> list.add(Map.of("field", "",
				"message", messages.getMessage(error, LocaleContextHolder.getLocale()))));
		problem.setProperty("errors", list);
		return problem;
	}

	/** Record components are camelCase, the API's JSON names snake_case. */
	static String snakeCase(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	/** Gatehouse's own wording, in the request's language. */
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private String message(FieldError error) {
		return messages.getMessage(error, LocaleContextHolder.getLocale());
	}
}
