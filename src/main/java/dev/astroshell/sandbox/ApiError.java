package dev.astroshell.sandbox;

import java.util.List;
import java.util.UUID;

/**
 * An error answer of the API (docs/api.md §1): thrown by a handler, it rolls the request's transaction back and becomes
 * {@code {message, requestId, statusCode, fieldErrors?}}.
 */
final class ApiError extends RuntimeException {

	record FieldError(String code, String field, String message) {
	}

	/** The error body; {@code fieldErrors} is null (left out) unless it is a validation error. */
	record Body(String message, String requestId, int statusCode, List<FieldError> fieldErrors) {

		static Body of(int status, String message, List<FieldError> fieldErrors) {
			return new Body(message, UUID.randomUUID().toString(), status,
					fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors));
		}
	}

	private final int status;

	private final List<FieldError> fieldErrors;

	private ApiError(int status, String message, List<FieldError> fieldErrors) {
		super(message, null, false, false);
		this.status = status;
		this.fieldErrors = fieldErrors;
	}

	static ApiError invalid(List<FieldError> fieldErrors) {
		return new ApiError(400, "Invalid request: " + fieldErrors.get(0).message(), fieldErrors);
	}

	static ApiError badRequest(String message) {
		return new ApiError(400, message, List.of());
	}

	static ApiError unauthorized(String message) {
		return new ApiError(401, message, List.of());
	}

	static ApiError forbidden(String message) {
		return new ApiError(403, message, List.of());
	}

	static ApiError notFound(String message) {
		return new ApiError(404, message, List.of());
	}

	static ApiError conflict(String message) {
		return new ApiError(409, message, List.of());
	}

	static ApiError tooLarge(int maxBytes) {
		return new ApiError(413, "the request body is larger than " + maxBytes / 1024 + " KiB", List.of());
	}

	static ApiError internal() {
		return new ApiError(500, "internal error in the sandbox", List.of());
	}

	int status() {
		return status;
	}

	Body body() {
		return Body.of(status, getMessage(), fieldErrors);
	}
}
