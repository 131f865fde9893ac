package dev.astroshell.token;

/**
 * What {@code deployment token update} was asked to do, as typed. Null means "not given".
 * @param tokenId TOKEN_ID
 * @param name {@code -t/--name}: the token's current name
 * @param newName {@code -n/--new-name}
 * @param description {@code -d/--description}
 * @param role {@code -r/--role}
 * @param deploymentId {@code --deployment-id}
 */
public record TokenUpdate(String tokenId, String name, String newName, String description, String role,
		String deploymentId) {
}
