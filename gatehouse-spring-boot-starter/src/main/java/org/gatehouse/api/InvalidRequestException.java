package org.gatehouse.api;

import java.util.Map;

import org.springframework.validation.Errors;

/**
 * A request the business rules refused, with their reasons per field. {@code jsonFields}
 * renames form fields to the API's JSON names (e.g. currentPassword to password).
 */
public class InvalidRequestException extends RuntimeException {

	private final transient Errors errors;
	private final Map<String, String> jsonFields;

	public InvalidRequestException(Errors errors, Map<String, String> jsonFields) {
		super("Invalid request");
		this.errors = errors;
		this.jsonFields = jsonFields;
	}

	public InvalidRequestException(Errors errors) {
		this(errors, Map.of());
	}

	public Errors errors() {
		return errors;
	}

	public String jsonField(String field) {
		return jsonFields.getOrDefault(field, field);
	}
}
