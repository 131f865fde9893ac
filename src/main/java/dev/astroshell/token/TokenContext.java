package dev.astroshell.token;

import java.util.Locale;

import dev.astroshell.api.EntityType;

/**
 * What the token logic needs of the session: which deployment, workspace or organization a command works on, and their names.
 * Narrow on purpose, so the logic runs against an in-memory API in unit tests.
 */
public interface TokenContext {

	/**
	 * {@code --deployment-id} when given, lower-cased as astro does (IDs are lower-case; a pasted upper-case one still
	 * finds its deployment), else the current deployment, else one the user picks (or a usage error).
	 */
	default String deploymentId(String given) {
		return resolveDeploymentId(given == null ? null : given.toLowerCase(Locale.ROOT));
	}

	/** {@link #deploymentId} once the ID given is normalised. */
	String resolveDeploymentId(String given);

	/** The deployment's name as the session knows it without asking the API, else its ID: for prompts and waits. */
	String deploymentName(String deploymentId);

	/** The workspace's name as the session knows it without asking the API, else its ID: for waits. */
	String workspaceName(String workspaceId);

	/**
	 * For completion: the deployment {@code given} names by ID or name, found as {@link #deploymentId} finds it,
	 * else the current one; null when unknown. Never asks.
	 */
	String knownDeploymentId(String given);

	/**
	 * {@code --workspace-id} when given (an ID or a name), else the current workspace, else one the user picks (or a
	 * usage error).
	 */
	String workspaceId(String given);

	/** The session's organization. */
	String organizationId();

	/** The session's organization's name as it knows it, else its ID. */
	String organizationName();

	/**
	 * The name of a deployment, workspace or the organization a role is on, reading the organization's lists (cached)
	 * when needed; a DAG's or a tag's own ID, which is its name; the ID itself when there is no such entity.
	 */
	default String entityName(EntityType type, String id) {
		return id;
	}

	/** The current workspace as last known, or null; never blocks (for completion). */
	String currentWorkspaceId();
}
