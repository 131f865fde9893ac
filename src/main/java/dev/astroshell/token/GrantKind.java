package dev.astroshell.token;

/**
 * A kind of token that can be given a role on an entity without belonging to it, and that entity's kind: workspace
 * and organization tokens on a deployment, organization tokens on a workspace; with the lookup each of their commands
 * uses.
 * @param token the family of the tokens granted
 * @param on the family of the entity they are granted a role on
 */
public record GrantKind(TokenFamily token, TokenFamily on, TokenLookup add, TokenLookup update, TokenLookup remove) {

	/** Workspace tokens on a deployment. */
	public static final GrantKind WORKSPACE = new GrantKind(TokenFamily.WORKSPACE, TokenFamily.DEPLOYMENT,
			TokenLookup.WORKSPACE_TOKEN_TO_ADD, TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT,
			TokenLookup.WORKSPACE_TOKEN_TO_REMOVE);

	/** Organization tokens on a deployment. */
	public static final GrantKind ORGANIZATION = new GrantKind(TokenFamily.ORGANIZATION, TokenFamily.DEPLOYMENT,
			TokenLookup.ORGANIZATION_TOKEN_TO_ADD, TokenLookup.ORGANIZATION_TOKEN_ON_DEPLOYMENT,
			TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE);

	/** Organization tokens on a workspace. */
	public static final GrantKind ORGANIZATION_ON_WORKSPACE = new GrantKind(TokenFamily.ORGANIZATION,
			TokenFamily.WORKSPACE, TokenLookup.ORGANIZATION_TOKEN_TO_ADD, TokenLookup.ORGANIZATION_TOKEN_ON_WORKSPACE,
			TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE);
}
