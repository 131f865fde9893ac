package dev.astroshell.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The {@code permissions} claim of a token (docs/api.md §4): where the token belongs. */
final class Permissions {

	private Permissions() {
	}

	/** @param workspaceId null for organization tokens; @param deploymentId null unless a deployment token */
	static List<String> of(String organizationId, String workspaceId, String deploymentId) {
		List<String> permissions = new ArrayList<>(List.of("organizationId:" + organizationId));
		if (workspaceId != null) {
			permissions.add("workspaceId:" + workspaceId);
		}
		if (deploymentId != null) {
			permissions.add("deploymentId:" + deploymentId);
		}
		return List.copyOf(permissions);
	}
}
