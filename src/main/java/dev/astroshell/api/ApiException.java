package dev.astroshell.api;

import java.time.Duration;
import java.util.List;

/**
 * A failed API call, normalised: {@link #getMessage()} is the one line to show the user (the API's own
 * {@code message}, {@code failed to perform request, status N}, or a transport failure naming the host).
 * {@code status} is 0 when no HTTP answer arrived. It never carries a credential.
 */
public class ApiException extends RuntimeException {

	/** How the call failed, for callers that must tell "not sent" from "maybe applied". */
	public enum Kind {
		/** The server answered with an error status. */
		HTTP,
		/** No answer: the request may or may not have reached the server (timeout, reset, dropped connection). */
		TRANSPORT,
		/** The connection could not be opened: the request was never sent. */
		CONNECT
	}

	public record FieldError(String code, String field, String message) {
	}

	private final Kind kind;

	private final int status;

	private final String requestId;

	private final List<FieldError> fieldErrors;

	private final Duration retryAfter;

	public ApiException(Kind kind, int status, String message, String requestId, List<FieldError> fieldErrors,
			Throwable cause) {
		this(kind, status, message, requestId, fieldErrors, null, cause);
	}

	public ApiException(Kind kind, int status, String message, String requestId, List<FieldError> fieldErrors,
			Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.status = status;
		this.requestId = requestId;
		this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
		this.retryAfter = retryAfter;
	}

	/** The server's Retry-After, when it sent one (429, 503). */
	public Duration retryAfter() {
		return retryAfter;
	}

	public Kind kind() {
		return kind;
	}

	public int status() {
		return status;
	}

	/** The API's requestId, for support; null when the server did not give one. */
	public String requestId() {
		return requestId;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	public boolean isUnauthorized() {
		return status == 401;
	}

	public boolean isNotFound() {
		return status == 404;
	}
}
