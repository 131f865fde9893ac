package dev.astroshell.cli;

import java.util.Locale;

/** How a list command prints: {@code -o table|json}, with {@code --json} as a short form. */
public enum OutputFormat {
	TABLE, JSON;

	public static OutputFormat of(String output, boolean json) {
		if (json) {
			return JSON;
		}
		if (output == null || output.isBlank()) {
			return TABLE;
		}
		try {
			return valueOf(output.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw CliException.usage("invalid output format '" + output + "': use table or json");
		}
	}
}
