package dev.astroshell.token;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer.Column;

/**
 * The token table of every token list: ID, NAME, DESCRIPTION, SCOPE, the role on the listed entity (DEPLOYMENT ROLE,
 * WORKSPACE ROLE…), EXPIRES, CREATED, CREATED BY. On a narrow terminal the role stays whole; the description gives
 * way first, then EXPIRES, CREATED BY and CREATED, and only then are the ID and a long name cut.
 */
final class TokenColumns {

	private TokenColumns() {
	}

	static List<Column<ApiToken>> columns(Place place, Clock clock) {
		return List.of(new Column<ApiToken>("ID", ApiToken::id).cutLast(),
				new Column<ApiToken>("NAME", t -> TokenRows.name(t, clock.instant())).cutLast(),
				new Column<ApiToken>("DESCRIPTION", ApiToken::description).shrinking().givingWay(1),
				new Column<>("SCOPE", t -> String.valueOf(t.scope())),
				new Column<>(place.family().noun().toUpperCase(Locale.ROOT) + " ROLE",
						t -> Objects.toString(place.roleOf(t), "")),
				new Column<ApiToken>("EXPIRES", t -> Ages.expires(t.endAt(), clock.instant())).givingWay(2),
				new Column<ApiToken>("CREATED", t -> Ages.ago(t.createdAt(), clock.instant())).givingWay(4),
				new Column<ApiToken>("CREATED BY", t -> t.createdBy() == null ? "" : t.createdBy().displayName())
					.givingWay(3));
	}
}
