package dev.astroshell.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.TerminalText;

/** The token selector's rows: name, ID, description, role (or scope) and age, so that same-named tokens differ. */
final class TokenRows {

	private static final int DESCRIPTION_WIDTH = 30;

	private static final String EXPIRED = " (expired)";

	private TokenRows() {
	}

	/** The column of the cells that may give way on a narrow terminal. */
	static final int DESCRIPTION = 2;

	/**
	 * The cells of each token's row: name, ID, description, role on the entity (with no entity, as for a token of any
	 * kind: its scope), age.
	 */
	static List<String[]> cells(List<ApiToken> tokens, Place place, Instant now) {
		List<String[]> cells = new ArrayList<>();
		for (ApiToken t : tokens) {
			String role = place == null ? String.valueOf(t.scope()) : place.roleOf(t);
			cells.add(new String[] { name(t, now), t.id(), shorten(t.description()), role == null ? "-" : role,
					Ages.ago(t.createdAt(), now) });
		}
		return cells;
	}

	/** The token's name, marked {@code (expired)} once its end has passed: it keeps its roles but no longer works. */
	static String name(ApiToken token, Instant now) {
		return token.endAt() != null && !token.endAt().isAfter(now) ? token.name() + EXPIRED : token.name();
	}

	/** One inert line of at most {@link #DESCRIPTION_WIDTH} terminal columns, cut with "…". */
	static String shorten(String description) {
		String d = description == null || description.isBlank() ? "-"
				: TerminalText.oneLine(description.strip()).replaceAll("\\s+", " ");
		return TerminalText.fit(d, DESCRIPTION_WIDTH);
	}
}
