package dev.astroshell.gateway;

import dev.astroshell.api.ApiException;

/**
 * How a write ended, as {@link ApiGateway#settle} found it: never a guess. A clear refusal is not among them: it is
 * thrown as it came.
 * @param kind what is known
 * @param state the write's answer ({@link Kind#DONE}), else the token as read back (null when it was not read, or
 * when it no longer exists)
 * @param lost the failure that lost the write's answer, or null when it was answered
 * @param readFailure the failure of the read-back: with {@link Kind#UNKNOWN}, or after an answered write whose
 * check for other writers could not be made; else null
 */
public record Settled<T>(Kind kind, T state, ApiException lost, ApiException readFailure) {

	public enum Kind {
		/** The write was answered. */
		DONE,
		/** The answer was lost; the read-back shows the write in place. */
		DONE_CONFIRMED_AFTER_LOST_ANSWER,
		/** The answer was lost; the read-back shows the write was not carried out. */
		NOT_DONE_CONFIRMED,
		/** The answer was lost and the read-back failed too: the write may have happened. */
		UNKNOWN,
		/** Someone else changed the object meanwhile; {@code state} is what is there now. */
		CONFLICT
	}

	/** What a read-back found, before {@link ApiGateway#settle} tells how the write's answer went. */
	public enum Finding {
		/** The write is in place. */
		IN_PLACE,
		/** Nothing of the write is there, and nobody else changed the object. */
		NOT_THERE,
		/** Another writer's change is there (or the object is gone). */
		CHANGED_BY_ANOTHER
	}

	/** A read-back's finding and the state it read. */
	public record Found<T>(Finding finding, T state) {
	}

	public static <T> Found<T> inPlace(T state) {
		return new Found<>(Finding.IN_PLACE, state);
	}

	public static <T> Found<T> notThere(T state) {
		return new Found<>(Finding.NOT_THERE, state);
	}

	public static <T> Found<T> changedByAnother(T state) {
		return new Found<>(Finding.CHANGED_BY_ANOTHER, state);
	}

	/** Whether the write is known to be in place. */
	public boolean done() {
		return kind == Kind.DONE || kind == Kind.DONE_CONFIRMED_AFTER_LOST_ANSWER;
	}
}
