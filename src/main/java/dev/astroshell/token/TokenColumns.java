package dev.astroshell.token;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer.Column;

/**
 * The token table of every token list: ID, NAME, DESCRIPTION, SCOPE, the role on the listed entity (DEPLOYMENT ROLE,
 * WORKSPACE ROLE…), CREATED, CREATED BY.
 */
final class TokenColumns {

	private TokenColumns() {
	}

	static List<Column<ApiToken>> columns(Place place, Clock clock) {
		return List.of(new Column<ApiToken>("ID", ApiToken::id),
				new Column<>("NAME", t -> TokenRows.name(t, clock.instant())),
				new Column<ApiToken>("DESCRIPTION", ApiToken::description).shrinking(), new Column<>("SCOPE", t -> String.valueOf(t.scope())),
				new Column<>(place.family().noun().toUpperCase(Locale.ROOT) + " ROLE",
						t -> place.roleOf(t) == null ? "" : place.roleOf(t)),
				new Column<>("CREATED", t -> Ages.ago(t.createdAt(), clock.instant())),
				new Column<>("CREATED BY", t -> t.createdBy() == null ? "" : t.createdBy().displayName()));
	}
}
