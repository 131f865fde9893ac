package dev.astroshell.token;

import java.time.Duration;
import java.time.Instant;

/** "N days ago" as the astro CLI prints a token's age, and the same wording for when a token expires. */
final class Ages {

	private Ages() {
	}

	static String ago(Instant then, Instant now) {
		if (then == null) {
			return "";
		}
		String span = span(Duration.between(then, now));
		return span == null ? "Just now" : span + " ago";
	}

	/** When a token ends: {@code in 5 days}, {@code expired 3 days ago}, or {@code never} (no end). */
	static String expires(Instant endAt, Instant now) {
		if (endAt == null) {
			return "never";
		}
		if (endAt.isAfter(now)) {
			String span = span(Duration.between(now, endAt));
			return span == null ? "in under a minute" : "in " + span;
		}
		String span = span(Duration.between(endAt, now));
		return span == null ? "expired just now" : "expired " + span + " ago";
	}

	/** The span in its largest whole unit (days, hours, minutes), or null under a minute. */
	private static String span(Duration d) {
		if (d.toDays() >= 1) {
			return plural(d.toDays(), "day");
		}
		if (d.toHours() >= 1) {
			return plural(d.toHours(), "hour");
		}
		if (d.toMinutes() >= 1) {
			return plural(d.toMinutes(), "minute");
		}
		return null;
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}
}
