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

	/**
	 * A whole-number field from {@code min} to {@code max}, or null when it is absent or in error. Checked before it is
	 * read as a number: reading one past a long's range would fail, a 500 instead of this 400.
	 */
	Long whole(JsonNode object, String field, long min, long max) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		boolean ok = node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= min
				&& node.asLong() <= max;
		check(ok, "range", field, field + " must be a whole number from " + min + " to " + max);
		return ok ? node.asLong() : null;
	}

	/** Throws the 400 when any check failed. */
	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw ApiError.invalid(errors);
		}
	}
}
