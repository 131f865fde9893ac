package dev.astroshell.token;

import java.time.Duration;
import java.time.Instant;

import dev.astroshell.cli.CliException;

/**
 * Which tokens end soon: the {@code --expiring-within DAYS} filter of the token lists, and the line that says how
 * many of a deployment's tokens expire within a week or have expired (a list's footer, and the notice on entering a
 * deployment).
 */
final class Expiry {

	/** The window of the footer and of the notice. */
	static final int NOTICE_DAYS = 7;

	private final Instant now;

	private int soon;

	private int expired;

	Expiry(Instant now) {
		this.now = now;
	}

	/**
	 * {@code --expiring-within} as given (null: not given).
	 *
	 * @throws CliException (usage) for a negative number of days
	 */
	static Integer checked(Integer days) {
		if (days != null && days < 0) {
			throw CliException.usage("invalid --expiring-within " + days + ": use a number of days, 0 or more");
		}
		return days;
	}

	/** Whether a token ending at {@code endAt} ends within {@code days} days, expired ones included; any when null. */
	static boolean within(Integer days, Instant endAt, Instant now) {
		return days == null || endAt != null && !endAt.isAfter(now.plus(Duration.ofDays(days)));
	}

	/** Counts a token toward the line. */
	void add(Instant endAt) {
		if (endAt == null) {
			return;
		}
		if (!endAt.isAfter(now)) {
			expired++;
		}
		else if (within(NOTICE_DAYS, endAt, now)) {
			soon++;
		}
	}

	/** {@code 2 tokens expire within 7 days}, {@code 1 token has expired}, both, or null when neither applies. */
	String line() {
		String ending = soon == 0 ? null
				: soon + (soon == 1 ? " token expires" : " tokens expire") + " within " + NOTICE_DAYS + " days";
		String ended = expired == 0 ? null : expired + (expired == 1 ? " token has expired" : " tokens have expired");
		if (ending != null && ended != null) {
			return ending + "; " + ended.replaceFirst(" tokens? ", " ");
		}
		return ending != null ? ending : ended;
	}
}
