package dev.astroshell.token;

import dev.astroshell.api.AstroApi;

/**
 * What the token logic needs of the session: the organization and the API of the current context, and which
 * deployment and workspace a command works on. Narrow on purpose, so the logic runs against an in-memory API in
 * unit tests.
 */
public interface TokenContext {

	String organizationId();

	AstroApi api();

	/** {@code --deployment-id} when given, else the current deployment, else one the user picks (or a usage error). */
	String deploymentId(String given);

	/** The current deployment as last known, or null; never blocks (for completion). */
	String currentDeploymentId();

	/** The current workspace as last known, or null; never blocks (for completion). */
	String currentWorkspaceId();
}
