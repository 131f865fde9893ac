package dev.astroshell.token;

import java.time.Clock;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer.Column;

/** The token table of every token list: ID, NAME, DESCRIPTION, SCOPE, DEPLOYMENT ROLE, CREATED, CREATED BY. */
final class TokenColumns {

	private TokenColumns() {
	}

	static List<Column<ApiToken>> columns(String deploymentId, Clock clock) {
		return List.of(new Column<ApiToken>("ID", ApiToken::id),
				new Column<>("NAME", t -> TokenRows.name(t, clock.instant())),
				new Column<ApiToken>("DESCRIPTION", ApiToken::description).shrinking(), new Column<>("SCOPE", t -> t.scope().name()),
				new Column<>("DEPLOYMENT ROLE", t -> t.deploymentRole(deploymentId) == null ? ""
						: t.deploymentRole(deploymentId)),
				new Column<>("CREATED", t -> Ages.ago(t.createdAt(), clock.instant())),
				new Column<>("CREATED BY", t -> t.createdBy() == null ? "" : t.createdBy().displayName()));
	}
}
