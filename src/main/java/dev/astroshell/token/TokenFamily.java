package dev.astroshell.token;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenScope;

/**
 * One kind of API token and the entity its commands work on ({@code deployment token …}, {@code workspace token …},
 * {@code organization token …}): what the use cases, lookups, pickers and texts take as a parameter instead of having
 * a twin per kind.
 * @param noun the first word of its commands and how texts name the entity: deployment, workspace, organization
 * @param idOption the option that names the entity (null: the organization, which is the session's)
 * @param baseRoles its built-in roles, least powerful first (the role picker's order); the API may list more
 * @param topRole the most powerful role, which the picker of a token without a role never starts on
 * @param askDefaultRoles whether the API is asked for the built-in roles of this entity type too
 * @param query the E1 query of the entity's tokens
 * @param resolveId the entity's ID from the option given (ID or name; null: the current one)
 * @param entityName the entity's name as the session knows it without asking the API, else its ID
 * @param lookups the lookups of its update, rotate and delete
 */
record TokenFamily(String noun, TokenScope scope, EntityType entityType, String idOption, List<String> baseRoles,
		String topRole, boolean askDefaultRoles, Function<String, TokenQuery> query,
		BiFunction<TokenContext, String, String> resolveId, BiFunction<TokenContext, String, String> entityName,
		Lookups lookups) {

	/** The lookups of a family's commands that act on the token itself. */
	record Lookups(TokenLookup update, TokenLookup rotate, TokenLookup delete) {
	}

	static final TokenFamily DEPLOYMENT = new TokenFamily("deployment", TokenScope.DEPLOYMENT, EntityType.DEPLOYMENT,
			"deployment-id", List.of(Tokens.DEPLOYMENT_ADMIN), Tokens.DEPLOYMENT_ADMIN, false,
			TokenQuery::ofDeployment, TokenContext::deploymentId, TokenContext::deploymentName,
			new Lookups(TokenLookup.DEPLOYMENT_TOKEN, TokenLookup.DEPLOYMENT_TOKEN_TO_ROTATE,
					TokenLookup.ANY_TOKEN_ON_DEPLOYMENT));

	static final TokenFamily WORKSPACE = new TokenFamily("workspace", TokenScope.WORKSPACE, EntityType.WORKSPACE,
			"workspace-id", List.of("WORKSPACE_MEMBER", "WORKSPACE_AUTHOR", "WORKSPACE_OPERATOR", "WORKSPACE_OWNER"),
			"WORKSPACE_OWNER", true, TokenQuery::ofWorkspace, TokenContext::workspaceId, TokenContext::workspaceName,
			new Lookups(TokenLookup.WORKSPACE_TOKEN, TokenLookup.WORKSPACE_TOKEN_TO_ROTATE,
					TokenLookup.WORKSPACE_TOKEN_TO_DELETE));

	static final TokenFamily ORGANIZATION = new TokenFamily("organization", TokenScope.ORGANIZATION,
			EntityType.ORGANIZATION, null,
			List.of("ORGANIZATION_MEMBER", "ORGANIZATION_BILLING_ADMIN", "ORGANIZATION_OWNER"), "ORGANIZATION_OWNER",
			true, id -> TokenQuery.organizationTokens(), (context, given) -> context.organizationId(),
			(context, id) -> context.organizationName(),
			new Lookups(TokenLookup.ORGANIZATION_TOKEN, TokenLookup.ORGANIZATION_TOKEN_TO_ROTATE,
					TokenLookup.ORGANIZATION_TOKEN_TO_DELETE));

	private static final List<TokenFamily> ALL = List.of(DEPLOYMENT, WORKSPACE, ORGANIZATION);

	/** The family of a token's scope; a scope this version does not know is taken as the organization's. */
	static TokenFamily of(TokenScope scope) {
		return ALL.stream().filter(f -> f.scope().equals(scope)).findFirst().orElse(ORGANIZATION);
	}

	/** Whether the scope is one of the three this version knows. */
	static boolean knows(TokenScope scope) {
		return ALL.stream().anyMatch(f -> f.scope().equals(scope));
	}

	/** The family whose commands start with this word ("workspace token …"), or null. */
	static TokenFamily byNoun(String noun) {
		return ALL.stream().filter(f -> f.noun().equals(noun)).findFirst().orElse(null);
	}

	/** "Deployment", "Workspace" or "Organization". */
	String kind() {
		return noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
	}

	/** "Workspace API token". */
	String label() {
		return kind() + " API token";
	}

	/** One of its commands: {@code workspace token update}. */
	String command(String verb) {
		return noun + " token " + verb;
	}

	/** Whether a token of this family can be given a role on {@code place}'s entity: one of a wider scope. */
	boolean widerThan(TokenFamily place) {
		return ALL.indexOf(this) > ALL.indexOf(place);
	}

	/** "DEPLOYMENT_ADMIN or a custom deployment role": what --role takes. */
	String roleHint() {
		return String.join(", ", baseRoles) + " or a custom " + noun + " role";
	}

	/** Where a command of this family works: the entity given by {@code given} (ID or name), else the current one. */
	Place place(TokenContext context, String given) {
		return new Place(this, resolveId.apply(context, given));
	}

	@Override
	public String toString() {
		return noun;
	}
}
