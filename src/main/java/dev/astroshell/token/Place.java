package dev.astroshell.token;

import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRole;

/** The entity a token command works on, whose role on it the command reads and writes: a deployment, a workspace… */
record Place(TokenFamily family, String id) {

	static Place deployment(String deploymentId) {
		return new Place(TokenFamily.DEPLOYMENT, deploymentId);
	}

	/**
	 * The token's role on the entity, or null: every entry for it, joined with ", " in the list's order (older data or
	 * another client may have left several, and each one counts).
	 */
	String roleOf(ApiToken token) {
		List<String> onIt = token.roles().stream().filter(this::holds).map(TokenRole::role).toList();
		return onIt.isEmpty() ? null : String.join(", ", onIt);
	}

	/** Whether this role is on the entity. */
	boolean holds(TokenRole role) {
		return family.entityType().equals(role.entityType()) && id.equals(role.entityId());
	}

	TokenRole role(String role) {
		return new TokenRole(family.entityType(), id, role, null);
	}

	/** The E1 query of the entity's tokens. */
	TokenQuery query() {
		return family.query().apply(id);
	}

	/** The entity's name as the session knows it, else its ID. */
	String name(TokenContext context) {
		return family.entityName().apply(context, id);
	}

	@Override
	public String toString() {
		return family + " " + id;
	}
}
