package dev.astroshell.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** RFC 3339 UTC with whole seconds ({@code 2026-11-28T05:55:33Z}), the API's time format. */
final class Times {

	private Times() {
	}

	/** The formatted time, or null for an absent one (left out of the JSON). */
	static String format(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
