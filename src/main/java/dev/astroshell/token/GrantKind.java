package dev.astroshell.token;

import dev.astroshell.api.TokenScope;

/**
 * The two kinds of token that can be granted a role on a deployment without belonging to it, with the lookup each of
 * their commands uses.
 */
public enum GrantKind {
	WORKSPACE(TokenScope.WORKSPACE, TokenLookup.WORKSPACE_TOKEN_TO_ADD, TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT,
			TokenLookup.WORKSPACE_TOKEN_TO_REMOVE),
	ORGANIZATION(TokenScope.ORGANIZATION, TokenLookup.ORGANIZATION_TOKEN_TO_ADD,
			TokenLookup.ORGANIZATION_TOKEN_ON_DEPLOYMENT, TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE);

	final TokenScope scope;

	final TokenLookup add;

	final TokenLookup update;

	final TokenLookup remove;

	GrantKind(TokenScope scope, TokenLookup add, TokenLookup update, TokenLookup remove) {
		this.scope = scope;
		this.add = add;
		this.update = update;
		this.remove = remove;
	}

	/** "Workspace API token" or "Organization API token". */
	String label() {
		return TokenLookup.label(scope);
	}
}
