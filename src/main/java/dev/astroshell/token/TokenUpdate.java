package dev.astroshell.token;

/**
 * What {@code deployment token update} (or a workspace's, or an organization's) was asked to do, as typed. Null means
 * "not given".
 * @param family whose token it is
 * @param tokenId TOKEN_ID
 * @param name {@code -t/--name}: the token's current name
 * @param newName {@code -n/--new-name}
 * @param description {@code -d/--description}
 * @param role {@code -r/--role}
 * @param entityId {@code --deployment-id} or {@code --workspace-id}
 */
public record TokenUpdate(TokenFamily family, String tokenId, String name, String newName, String description,
		String role, String entityId) {

	/** A Deployment API token's update. */
	public TokenUpdate(String tokenId, String name, String newName, String description, String role,
			String deploymentId) {
		this(TokenFamily.DEPLOYMENT, tokenId, name, newName, description, role, deploymentId);
	}
}
