package dev.astroshell.cli;

import java.util.Arrays;
import java.util.Locale;

/** How a list command prints: {@code -o table|json}, with {@code --json} as a short form. */
public enum OutputFormat {
	TABLE, JSON;

	/** Completes {@code -o}'s values. */
	public static final Completer COMPLETER = request -> Arrays.stream(values())
		.map(f -> Completer.Proposal.of(f.name().toLowerCase(Locale.ROOT)))
		.toList();

	/**
	 * The format of a command's options after defaults: {@code --json} wins over {@code -o}, whose default is
	 * {@code table} (a contradiction of typed options is {@link #refuseContradiction}'s to find).
	 */
	public static OutputFormat of(String output, boolean json) {
		if (json) {
			return JSON;
		}
		return parse(output);
	}

	/**
	 * For the options as typed, before defaults ({@code typedOutput} null when {@code -o} was not given): refuses
	 * {@code --json} with {@code -o} of another format, as other contradictions are refused (exit 2).
	 */
	public static void refuseContradiction(String typedOutput, boolean json) {
		if (json && typedOutput != null && !typedOutput.isBlank() && parse(typedOutput) != JSON) {
			throw CliException.usage("--json contradicts -o " + typedOutput.trim() + ": give one of them");
		}
	}

	/** Whether the options as typed ask for JSON; a wrong format does not (the command itself reports it). */
	public static boolean asksJson(String typedOutput, boolean json) {
		try {
			return of(typedOutput, json) == JSON;
		}
		catch (CliException invalidFormat) {
			return false;
		}
	}

	private static OutputFormat parse(String output) {
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
