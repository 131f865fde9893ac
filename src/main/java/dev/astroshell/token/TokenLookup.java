package dev.astroshell.token;

import java.util.List;
import java.util.Locale;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.TerminalText;

/**
 * Where and how a command looks a token up, defined once per kind of command: the scope the token must have, the
 * list its candidates come from, whether it must already have a role on the deployment, what the command does to it,
 * and why a token given by ID is refused. Resolution (by ID, exact name or selector), the selector's rows and Tab
 * completion all use it.
 */
enum TokenLookup {

	/** update: the deployment's own tokens. */
	DEPLOYMENT_TOKEN(TokenScope.DEPLOYMENT, Source.DEPLOYMENT, true, Action.UPDATE),
	/** rotate: the deployment's own tokens. */
	DEPLOYMENT_TOKEN_TO_ROTATE(TokenScope.DEPLOYMENT, Source.DEPLOYMENT, true, Action.ROTATE),
	/** delete: every token with a role on the deployment (the others are only taken off it). */
	ANY_TOKEN_ON_DEPLOYMENT(null, Source.DEPLOYMENT, true, Action.DELETE),
	/** workspace-token add: the workspace's tokens. */
	WORKSPACE_TOKEN_TO_ADD(TokenScope.WORKSPACE, Source.WORKSPACE, false, Action.ADD),
	/** workspace-token update: the deployment's workspace tokens. */
	WORKSPACE_TOKEN_ON_DEPLOYMENT(TokenScope.WORKSPACE, Source.DEPLOYMENT, true, Action.UPDATE),
	/** workspace-token remove: the workspace's tokens that have a role on the deployment. */
	WORKSPACE_TOKEN_TO_REMOVE(TokenScope.WORKSPACE, Source.WORKSPACE, true, Action.REMOVE),
	/** organization-token add: the organization's tokens. */
	ORGANIZATION_TOKEN_TO_ADD(TokenScope.ORGANIZATION, Source.ORGANIZATION, false, Action.ADD),
	/** organization-token update: the deployment's organization tokens. */
	ORGANIZATION_TOKEN_ON_DEPLOYMENT(TokenScope.ORGANIZATION, Source.DEPLOYMENT, true, Action.UPDATE),
	/** organization-token remove: the organization's tokens that have a role on the deployment. */
	ORGANIZATION_TOKEN_TO_REMOVE(TokenScope.ORGANIZATION, Source.ORGANIZATION, true, Action.REMOVE),
	/** token show: any token of the organization. */
	ANY_TOKEN(null, Source.EVERY_TOKEN, false, Action.SHOW);

	static final String WRONG_TYPE = "the token selected is not of the type you are trying to modify";

	/** Which E1 query gives the candidates. */
	enum Source {
		/** E1 with {@code deploymentId}. */
		DEPLOYMENT,
		/** E1 with {@code workspaceId}; a token given by ID must have a role on that workspace. */
		WORKSPACE,
		/** E1 with {@code includeOnlyOrganizationTokens}. */
		ORGANIZATION,
		/** E1 without a filter: every token of the organization. */
		EVERY_TOKEN
	}

	/** What the command does to the token: with its scope, it names the command, for a token of the wrong type. */
	enum Action {
		ADD, UPDATE, REMOVE, ROTATE, DELETE, SHOW;

		/** The command doing this to a token of {@code scope} ("deployment token workspace-token update"), or null. */
		String command(TokenScope scope) {
			if (scope == TokenScope.DEPLOYMENT) {
				return switch (this) {
					case ADD -> null; // a Deployment API token belongs to its deployment from its creation
					case REMOVE, DELETE -> "deployment token delete";
					case UPDATE, ROTATE -> "deployment token " + verb();
					case SHOW -> "token show";
				};
			}
			String group = scope == TokenScope.WORKSPACE ? "deployment token workspace-token"
					: "deployment token organization-token";
			return switch (this) {
				case ROTATE -> null; // only Deployment API tokens are rotated here
				case DELETE -> group + " remove";
				case ADD, UPDATE, REMOVE -> group + " " + verb();
				case SHOW -> "token show";
			};
		}

		private String verb() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The deployment the command works on and, for a {@link Source#WORKSPACE} lookup, the workspace. */
	record Where(String deploymentId, String workspaceId) {
	}

	private final TokenScope scope;

	private final Source source;

	private final boolean mustHaveDeploymentRole;

	private final Action action;

	TokenLookup(TokenScope scope, Source source, boolean mustHaveDeploymentRole, Action action) {
		this.scope = scope;
		this.source = source;
		this.mustHaveDeploymentRole = mustHaveDeploymentRole;
		this.action = action;
	}

	Source source() {
		return source;
	}

	/** Whether the candidates depend on the deployment (else only on the workspace or the organization). */
	boolean needsDeployment() {
		return source == Source.DEPLOYMENT || mustHaveDeploymentRole;
	}

	/** How messages name the token: "Deployment API token", …, or "API token" for any scope. */
	String label() {
		return scope == null ? "API token" : label(scope);
	}

	/** "Deployment API token", "Workspace API token" or "Organization API token". */
	static String label(TokenScope scope) {
		return kind(scope) + " API token";
	}

	static String kind(TokenScope scope) {
		return switch (scope) {
			case DEPLOYMENT -> "Deployment";
			case WORKSPACE -> "Workspace";
			case ORGANIZATION -> "Organization";
		};
	}

	/** The tokens to match a name against or to select from, read fresh (the cache keeps their summaries). */
	List<ApiToken> candidates(Tokens tokens, Where where) {
		return tokens.fresh(query(where), where.deploymentId())
			.stream()
			.filter(t -> qualifies(t.scope(), t.deploymentRole(where.deploymentId())))
			.toList();
	}

	/** The candidates to complete, from the cache (read once when absent). */
	List<TokenSummary> cachedCandidates(Tokens tokens, Where where) {
		return qualifying(tokens.cached(query(where), where.deploymentId()));
	}

	/** The candidates of a list read less than a minute ago, or null when there is none; never reads. */
	List<TokenSummary> recentCandidates(Tokens tokens, Where where) {
		List<TokenSummary> recent = tokens.recent(query(where), where.deploymentId());
		return recent == null ? null : qualifying(recent);
	}

	private List<TokenSummary> qualifying(List<TokenSummary> summaries) {
		return summaries.stream().filter(t -> qualifies(t.scope(), t.deploymentRole())).toList();
	}

	private boolean qualifies(TokenScope tokenScope, String deploymentRole) {
		return (scope == null || tokenScope == scope) && (!mustHaveDeploymentRole || deploymentRole != null);
	}

	private TokenQuery query(Where where) {
		return switch (source) {
			case DEPLOYMENT -> TokenQuery.ofDeployment(where.deploymentId());
			case WORKSPACE -> TokenQuery.ofWorkspace(where.workspaceId());
			case ORGANIZATION -> TokenQuery.organizationTokens();
			case EVERY_TOKEN -> TokenQuery.everyToken();
		};
	}

	/** Why a token given by ID does not qualify (one line), or null when it does. */
	String refusal(ApiToken token, Where where) {
		if (scope != null && token.scope() != scope) {
			return wrongType(token);
		}
		if (mustHaveDeploymentRole && token.deploymentRole(where.deploymentId()) == null) {
			return "the token " + token.name() + " (" + token.id() + ") does not belong to the deployment "
					+ where.deploymentId();
		}
		if (source == Source.WORKSPACE && token.roles()
			.stream()
			.noneMatch(r -> r.entityType() == EntityType.WORKSPACE && r.entityId().equals(where.workspaceId()))) {
			return "the token " + token.name() + " (" + token.id() + ") does not belong to the workspace "
					+ where.workspaceId();
		}
		return null;
	}

	/** astro's text, then the token's actual scope and the command that does this to a token of that scope. */
	private String wrongType(ApiToken token) {
		String actual = WRONG_TYPE + ": \"" + TerminalText.oneLine(token.name()) + "\" is "
				+ (token.scope() == TokenScope.ORGANIZATION ? "an " : "a ") + label(token.scope());
		String handler = action.command(token.scope());
		return handler != null ? actual + "; use '" + handler + "'"
				: actual + "; '" + action.command(scope) + "' takes " + label(scope) + "s only";
	}
}
