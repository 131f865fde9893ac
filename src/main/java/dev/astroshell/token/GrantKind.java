package dev.astroshell.token;

import dev.astroshell.api.TokenScope;

/** The two kinds of token that can be granted a role on a deployment without belonging to it. */
public enum GrantKind {
	WORKSPACE(TokenScope.WORKSPACE, "Workspace", "--workspace-token-name"),
	ORGANIZATION(TokenScope.ORGANIZATION, "Organization", "--org-token-name");

	final TokenScope scope;

	final String label;

	final String nameFlag;

	GrantKind(TokenScope scope, String label, String nameFlag) {
		this.scope = scope;
		this.label = label;
		this.nameFlag = nameFlag;
	}
}
