package dev.astroshell.token;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer.Column;

/**
 * The token table of every token list: ID, NAME, DESCRIPTION, SCOPE, the role, EXPIRES, CREATED, CREATED BY. On a
 * narrow terminal the role stays whole; the description gives way first, then EXPIRES, CREATED BY and CREATED, and
 * only then is the ID cut.
 */
final class TokenColumns {

	private TokenColumns() {
	}

	/** The table of a deployment's tokens, with each one's role on it. */
	static List<Column<ApiToken>> columns(String deploymentId, Clock clock) {
		return columns("DEPLOYMENT ROLE", t -> t.deploymentRole(deploymentId), clock);
	}

	/** The table of a list whose role column says {@code roleHeader}, each row's role read by {@code role}. */
	static List<Column<ApiToken>> columns(String roleHeader, Function<ApiToken, String> role, Clock clock) {
		return List.of(new Column<ApiToken>("ID", ApiToken::id).cutLast(),
				new Column<>("NAME", t -> TokenRows.name(t, clock.instant())),
				new Column<ApiToken>("DESCRIPTION", ApiToken::description).shrinking().givingWay(1),
				new Column<>("SCOPE", t -> t.scope().name()),
				new Column<>(roleHeader, t -> role.apply(t) == null ? "" : role.apply(t)),
				new Column<ApiToken>("EXPIRES", t -> Ages.expires(t.endAt(), clock.instant())).givingWay(2),
				new Column<ApiToken>("CREATED", t -> Ages.ago(t.createdAt(), clock.instant())).givingWay(4),
				new Column<ApiToken>("CREATED BY", t -> t.createdBy() == null ? "" : t.createdBy().displayName())
					.givingWay(3));
	}
}
