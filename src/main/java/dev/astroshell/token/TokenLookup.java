package dev.astroshell.token;

import java.util.List;
import java.util.function.Supplier;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;

/**
 * Where and how a command looks a token up.
 * @param scope the scope the token must have, or null for any
 * @param kind how messages name it: "Deployment", "Workspace", "Organization", or "" for any
 * @param candidates the tokens to match a name against or to select from (read only when needed)
 * @param deploymentId the deployment the command works on
 * @param mustHaveDeploymentRole whether a token given by ID must already have a role on that deployment
 * @param owner a check of a token given by ID beyond its scope (e.g. its workspace), or null
 */
record TokenLookup(TokenScope scope, String kind, Supplier<List<ApiToken>> candidates, String deploymentId,
		boolean mustHaveDeploymentRole, OwnerCheck owner) {

	@FunctionalInterface
	interface OwnerCheck {
		/** A one-line reason why the token does not qualify, or null when it does. */
		String refusal(ApiToken token);
	}

	String label() {
		return kind.isEmpty() ? "API token" : kind + " API token";
	}

	boolean accepts(ApiToken token) {
		return scope == null || token.scope() == scope;
	}
}
