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
 * list its candidates come from, whether it must already have a role on the entity the command works on (its
 * {@link Place}), what the command does to it, and why a token given by ID is refused. Resolution (by ID, exact name
 * or selector), the selector's rows and Tab completion all use it.
 */
enum TokenLookup {

	/** deployment token update: the deployment's own tokens. */
	DEPLOYMENT_TOKEN(TokenScope.DEPLOYMENT, Source.PLACE, true, Action.UPDATE),
	/** deployment token rotate: the deployment's own tokens. */
	DEPLOYMENT_TOKEN_TO_ROTATE(TokenScope.DEPLOYMENT, Source.PLACE, true, Action.ROTATE),
	/** deployment token delete: every token with a role on the deployment (the others are only taken off it). */
	ANY_TOKEN_ON_DEPLOYMENT(null, Source.PLACE, true, Action.DELETE),
	/** deployment token workspace-token add: the workspace's tokens. */
	WORKSPACE_TOKEN_TO_ADD(TokenScope.WORKSPACE, Source.WORKSPACE, false, Action.ADD),
	/** deployment token workspace-token update: the deployment's workspace tokens. */
	WORKSPACE_TOKEN_ON_DEPLOYMENT(TokenScope.WORKSPACE, Source.PLACE, true, Action.UPDATE_ROLE),
	/** deployment token workspace-token remove: the workspace's tokens that have a role on the deployment. */
	WORKSPACE_TOKEN_TO_REMOVE(TokenScope.WORKSPACE, Source.WORKSPACE, true, Action.REMOVE),
	/** organization-token add (on a deployment or a workspace): the organization's tokens. */
	ORGANIZATION_TOKEN_TO_ADD(TokenScope.ORGANIZATION, Source.ORGANIZATION, false, Action.ADD),
	/** deployment token organization-token update: the deployment's organization tokens. */
	ORGANIZATION_TOKEN_ON_DEPLOYMENT(TokenScope.ORGANIZATION, Source.PLACE, true, Action.UPDATE_ROLE),
	/** workspace token organization-token update: the workspace's organization tokens. */
	ORGANIZATION_TOKEN_ON_WORKSPACE(TokenScope.ORGANIZATION, Source.PLACE, true, Action.UPDATE_ROLE),
	/** organization-token remove (from a deployment or a workspace): the organization's tokens with a role there. */
	ORGANIZATION_TOKEN_TO_REMOVE(TokenScope.ORGANIZATION, Source.ORGANIZATION, true, Action.REMOVE),
	/** workspace token update: the workspace's own tokens. */
	WORKSPACE_TOKEN(TokenScope.WORKSPACE, Source.PLACE, true, Action.UPDATE),
	/** workspace token rotate. */
	WORKSPACE_TOKEN_TO_ROTATE(TokenScope.WORKSPACE, Source.PLACE, true, Action.ROTATE),
	/** workspace token delete. */
	WORKSPACE_TOKEN_TO_DELETE(TokenScope.WORKSPACE, Source.PLACE, true, Action.DELETE),
	/** organization token update and roles: the organization's own tokens. */
	ORGANIZATION_TOKEN(TokenScope.ORGANIZATION, Source.PLACE, false, Action.UPDATE),
	/** organization token rotate. */
	ORGANIZATION_TOKEN_TO_ROTATE(TokenScope.ORGANIZATION, Source.PLACE, false, Action.ROTATE),
	/** organization token delete. */
	ORGANIZATION_TOKEN_TO_DELETE(TokenScope.ORGANIZATION, Source.PLACE, false, Action.DELETE),
	/** token show: any token of the organization. */
	ANY_TOKEN(null, Source.EVERY_TOKEN, false, Action.SHOW);

	static final String WRONG_TYPE = "the token selected is not of the type you are trying to modify";

	/** Which E1 query gives the candidates. */
	enum Source {
		/** The tokens of the entity the command works on (its {@link Place}). */
		PLACE,
		/** E1 with {@code workspaceId}; a token given by ID must have a role on that workspace. */
		WORKSPACE,
		/** E1 with {@code includeOnlyOrganizationTokens}. */
		ORGANIZATION,
		/** E1 without a filter: every token of the organization. */
		EVERY_TOKEN
	}

	/** What the command does to the token: with its scope, it names the command, for a token of the wrong type. */
	enum Action {
		/** A token of a wider scope given a role on the entity, its role there changed, or taken off it. */
		ADD, UPDATE_ROLE, REMOVE,
		/** The token itself changed. */
		UPDATE, ROTATE, DELETE,
		/** The token only read. */
		SHOW;

		/**
		 * The command doing this to a token of {@code scope} on {@code place}'s kind of entity ("workspace token
		 * update", "deployment token workspace-token update"), or null when there is none.
		 */
		String command(TokenScope scope, TokenFamily place) {
			if (this == SHOW) {
				return "token show"; // it shows a token of any scope
			}
			if (!TokenFamily.knows(scope)) {
				return null; // a scope this client does not know: no command of it handles such tokens
			}
			TokenFamily own = TokenFamily.of(scope);
			if (this == UPDATE || this == ROTATE) {
				return own.command(verb());
			}
			if (own.widerThan(place)) {
				// a token of a wider scope is given roles on the entity; it is deleted only by its own family
				String group = place.command(own.noun() + "-token ");
				return this == DELETE ? group + "remove" : group + (this == UPDATE_ROLE ? "update" : verb());
			}
			return switch (this) {
				case ADD -> null; // a token belongs to its entity from its creation
				case REMOVE, DELETE -> own.command("delete");
				default -> own.command("update");
			};
		}

		private String verb() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The entity the command works on (null for a lookup in the whole organization, as of {@code token show}) and,
	 * for a {@link Source#WORKSPACE} lookup, the workspace.
	 */
	record Where(Place place, String workspaceId) {
	}

	private final TokenScope scope;

	private final Source source;

	private final boolean mustHaveRole;

	private final Action action;

	TokenLookup(TokenScope scope, Source source, boolean mustHaveRole, Action action) {
		this.scope = scope;
		this.source = source;
		this.mustHaveRole = mustHaveRole;
		this.action = action;
	}

	Source source() {
		return source;
	}

	/** How messages name the token: "Deployment API token", …, or "API token" for any scope. */
	String label() {
		return scope == null ? "API token" : label(scope);
	}

	/** "Deployment API token", "Workspace API token" or "Organization API token". */
	static String label(TokenScope scope) {
		return kind(scope) + " API token";
	}

	/**
	 * "Deployment", "Workspace", "Organization", or a scope this client does not know as the API names it (made
	 * inert: it is the server's text).
	 */
	static String kind(TokenScope scope) {
		return TokenFamily.knows(scope) ? TokenFamily.of(scope).kind() : TerminalText.oneLine(scope.name());
	}

	/** The tokens to match a name against or to select from, read fresh (the cache keeps their summaries). */
	List<ApiToken> candidates(Tokens tokens, Where where) {
		return tokens.fresh(query(where), where.place())
			.stream()
			.filter(t -> qualifies(t.scope(), where.place() == null ? null : where.place().roleOf(t)))
			.toList();
	}

	/** The candidates to complete, from the cache (read once when absent). */
	List<TokenSummary> cachedCandidates(Tokens tokens, Where where) {
		return qualifying(tokens.cached(query(where), where.place()));
	}

	/** The candidates of a list read less than a minute ago, or null when there is none; never reads. */
	List<TokenSummary> recentCandidates(Tokens tokens, Where where) {
		List<TokenSummary> recent = tokens.recent(query(where), where.place());
		return recent == null ? null : qualifying(recent);
	}

	private List<TokenSummary> qualifying(List<TokenSummary> summaries) {
		return summaries.stream().filter(t -> qualifies(t.scope(), t.role())).toList();
	}

	private boolean qualifies(TokenScope tokenScope, String role) {
		return (scope == null || scope.equals(tokenScope)) && (!mustHaveRole || role != null);
	}

	private TokenQuery query(Where where) {
		return switch (source) {
			case PLACE -> where.place().query();
			case WORKSPACE -> TokenQuery.ofWorkspace(where.workspaceId());
			case ORGANIZATION -> TokenQuery.organizationTokens();
			case EVERY_TOKEN -> TokenQuery.everyToken();
		};
	}

	/** Why a token given by ID does not qualify (one line), or null when it does. */
	String refusal(ApiToken token, Where where) {
		if (scope != null && !scope.equals(token.scope())) {
			return wrongType(token, where.place().family());
		}
		if (mustHaveRole && where.place().roleOf(token) == null) {
			return "the token " + token.name() + " (" + token.id() + ") does not belong to the " + where.place();
		}
		if (source == Source.WORKSPACE && token.roles()
			.stream()
			.noneMatch(r -> EntityType.WORKSPACE.equals(r.entityType()) && r.entityId().equals(where.workspaceId()))) {
			return "the token " + token.name() + " (" + token.id() + ") does not belong to the workspace "
					+ where.workspaceId();
		}
		return null;
	}

	/** astro's text, then the token's actual scope and the command that does this to a token of that scope. */
	private String wrongType(ApiToken token, TokenFamily place) {
		String actual = WRONG_TYPE + ": \"" + TerminalText.oneLine(token.name()) + "\" is "
				+ ("AEIOU".indexOf(label(token.scope()).charAt(0)) >= 0 ? "an " : "a ") + label(token.scope());
		String handler = action.command(token.scope(), place);
		return handler != null ? actual + "; use '" + handler + "'"
				: actual + "; '" + action.command(scope, place) + "' takes " + label(scope) + "s only";
	}
}
