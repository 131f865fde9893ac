package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.astroshell.api.ApiToken;

/**
 * A successful update: the token before and after, its role on the deployment before and after, and a note on how
 * the outcome is known when an answer was lost (or null).
 */
public record UpdateOutcome(ApiToken before, ApiToken after, String oldRole, String newRole, String note) {

	/** The answer line, then one line per change (spec §2.1 step 5). */
	public String render() {
		List<String> lines = new ArrayList<>();
		lines.add("Astro Deployment API token " + after.name() + " was successfully updated"
				+ (note == null ? "" : " " + note));
		change(lines, "name", before.name(), after.name());
		change(lines, "description", before.description(), after.description());
		change(lines, "role", oldRole, newRole);
		return String.join("\n", lines);
	}

	private static void change(List<String> lines, String what, String from, String to) {
		if (!Objects.equals(from, to)) {
			lines.add(what + ": " + show(from) + " -> " + show(to));
		}
	}

	private static String show(String value) {
		return value == null || value.isEmpty() ? "\"\"" : value;
	}
}
