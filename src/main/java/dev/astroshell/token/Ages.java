package dev.astroshell.token;

import java.time.Duration;
import java.time.Instant;

/** "N days ago" as the astro CLI prints a token's age. */
final class Ages {

	private Ages() {
	}

	static String ago(Instant then, Instant now) {
		if (then == null) {
			return "";
		}
		Duration d = Duration.between(then, now);
		if (d.toDays() >= 1) {
			return plural(d.toDays(), "day");
		}
		if (d.toHours() >= 1) {
			return plural(d.toHours(), "hour");
		}
		if (d.toMinutes() >= 1) {
			return plural(d.toMinutes(), "minute");
		}
		return "Just now";
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s") + " ago";
	}
}
