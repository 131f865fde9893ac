package dev.astroshell.api;

import java.util.List;

/** Filters of E1 (list tokens); at most one of deploymentId, workspaceId, organizationOnly narrows the list. */
public record TokenQuery(String deploymentId, String workspaceId, boolean organizationOnly, List<String> sorts) {

	public TokenQuery {
		sorts = sorts == null ? List.of() : List.copyOf(sorts);
	}

	public static TokenQuery ofDeployment(String deploymentId) {
		return new TokenQuery(deploymentId, null, false, List.of("name:asc"));
	}

	public static TokenQuery ofWorkspace(String workspaceId) {
		return new TokenQuery(null, workspaceId, false, List.of("name:asc"));
	}

	/** Every token of the organization, of any scope. */
	public static TokenQuery everyToken() {
		return new TokenQuery(null, null, false, List.of("name:asc"));
	}

	public static TokenQuery organizationTokens() {
		return new TokenQuery(null, null, true, List.of("name:asc"));
	}
}
