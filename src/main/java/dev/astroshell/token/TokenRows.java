package dev.astroshell.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer;

/** The token selector's rows: aligned name, ID, description, role and age, so that same-named tokens differ. */
final class TokenRows {

	private static final int DESCRIPTION_WIDTH = 30;

	private TokenRows() {
	}

	static List<String> rows(List<ApiToken> tokens, String deploymentId, Instant now) {
		List<String[]> cells = new ArrayList<>();
		for (ApiToken t : tokens) {
			cells.add(new String[] { t.name(), t.id(), shorten(t.description()),
					t.deploymentRole(deploymentId) == null ? "-" : t.deploymentRole(deploymentId),
					Ages.ago(t.createdAt(), now) });
		}
		return Renderer.align(cells);
	}

	private static String shorten(String description) {
		String d = description == null || description.isBlank() ? "-" : description.replaceAll("\\s+", " ");
		return d.codePointCount(0, d.length()) <= DESCRIPTION_WIDTH ? d
				: d.substring(0, d.offsetByCodePoints(0, DESCRIPTION_WIDTH - 1)) + "…";
	}
}
