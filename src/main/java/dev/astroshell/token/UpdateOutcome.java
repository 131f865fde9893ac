package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.TerminalText;

/**
 * A successful update: the token before and after, its role on the deployment before and after, and a note on how
 * the outcome is known when an answer was lost (or null).
 */
public record UpdateOutcome(ApiToken before, ApiToken after, String oldRole, String newRole, String note) {

	/**
	 * The answer line, then one line per change (spec §2.1 step 5); with no change, that there was nothing to change.
	 * Names and descriptions are shown on one line each, so that a line break in one cannot fake another line.
	 */
	public String render() {
		List<String> changes = new ArrayList<>();
		change(changes, "name", before.name(), after.name());
		change(changes, "description", before.description(), after.description());
		change(changes, "role", oldRole, newRole);
		String token = "Astro Deployment API token " + TerminalText.oneLine(after.name());
		if (changes.isEmpty() && note == null) {
			return token + ": nothing to change";
		}
		List<String> lines = new ArrayList<>();
		lines.add(token + " was successfully updated" + (note == null ? "" : " " + note));
		lines.addAll(changes);
		return String.join("\n", lines);
	}

	private static void change(List<String> lines, String what, String from, String to) {
		if (!Objects.equals(from, to)) {
			lines.add(what + ": " + show(from) + " -> " + show(to));
		}
	}

	private static String show(String value) {
		return value == null || value.isEmpty() ? "\"\"" : TerminalText.oneLine(value);
	}
}
