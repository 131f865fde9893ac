package dev.astroshell.cli;

import java.util.Locale;

/** How a list command prints: {@code -o table|json}, with {@code --json} as a short form. */
public enum OutputFormat {
	TABLE, JSON;

	/** @throws CliException (usage) for an unknown format, or {@code --json} with {@code -o} of another format */
	public static OutputFormat of(String output, boolean json) {
		if (output == null || output.isBlank()) {
			return json ? JSON : TABLE;
		}
		OutputFormat chosen;
		try {
			chosen = valueOf(output.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw CliException.usage("invalid output format '" + output + "': use table or json");
		}
		if (json && chosen != JSON) {
			throw CliException.usage("--json contradicts -o " + output.trim() + ": give one of them");
		}
		return chosen;
	}
}
