package dev.astroshell.sandbox;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.sandbox.ApiError.FieldError;
import tools.jackson.databind.JsonNode;

/** Collects every validation error of a request, so that one 400 lists them all. */
final class FieldChecks {

	private final List<FieldError> errors = new ArrayList<>();

	void fail(String code, String field, String message) {
		errors.add(new FieldError(code, field, message));
	}

	/** Reports a failure when {@code ok} is false; returns {@code ok}. */
	boolean check(boolean ok, String code, String field, String message) {
		if (!ok) {
			fail(code, field, message);
		}
		return ok;
	}

	List<FieldError> errors() {
		return List.copyOf(errors);
	}

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	/** A string field of a JSON object, or null when absent; a non-string is an error. */
	String text(JsonNode object, String field, boolean required, int maxLength) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			check(!required, "required", field, field + " is required");
			return null;
		}
		if (!check(node.isString(), "type", field, field + " must be a string")) {
			return null;
		}
		String value = node.asString();
		if (required && value.isBlank()) {
			fail("required", field, field + " is required");
			return null;
		}
		check(value.length() <= maxLength, "max", field, field + " must be at most " + maxLength + " characters");
		return value;
	}

	/** Throws the 400 when any check failed. */
	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw ApiError.invalid(errors);
		}
	}
}
