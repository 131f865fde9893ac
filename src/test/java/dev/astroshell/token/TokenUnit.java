package dev.astroshell.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApi;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.Pages.RolesPage;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.Role;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.session.ListCache;

/**
 * The token services wired by hand over a {@link FakeAstroApi} and a {@link ScriptedPrompter}, without Spring or
 * HTTP: the organization {@link #ORG}, the current deployment {@link #DEPLOYMENT} in workspace {@link #WORKSPACE}.
 */
final class TokenUnit {

	static final String ORG = "org-1";

	static final String DEPLOYMENT = "dep-1";

	static final String DEPLOYMENT_NAME = "etl-prod";

	static final String WORKSPACE = "ws-1";

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	static final int PAGE = 100;

	final FakeAstroApi api = new FakeAstroApi();

	final ScriptedPrompter prompter = new ScriptedPrompter();

	final Tokens tokens;

	final TokenResolver resolver;

	final TokenService service;

	final TokenLifecycle lifecycle;

	final TokenGrants grants;

	TokenUnit() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		TokenContext context = new TokenContext() {
			@Override
			public String organizationId() {
				return ORG;
			}

			@Override
			public AstroApi api() {
				return api;
			}

			@Override
			public String resolveDeploymentId(String given) {
				return given == null ? DEPLOYMENT : given;
			}

			@Override
			public String deploymentName(String deploymentId) {
				return deploymentId.equals(DEPLOYMENT) ? DEPLOYMENT_NAME : deploymentId;
			}

			@Override
			public String currentDeploymentId() {
				return DEPLOYMENT;
			}

			@Override
			public String currentWorkspaceId() {
				return WORKSPACE;
			}
		};
		AstroProperties properties = new AstroProperties(new AstroProperties.Api(null, 8888, Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO, PAGE, 1), null, false);
		tokens = new Tokens(context, new ListCache(Duration.ofMinutes(1), clock), properties);
		resolver = new TokenResolver(context, tokens, prompter, clock);
		RoleChooser roles = new RoleChooser(context, tokens, prompter);
		ReadBack readBack = new ReadBack(context);
		RoleWrites roleWrites = new RoleWrites(context, tokens, readBack);
		service = new TokenService(context, tokens, resolver, roles, roleWrites, readBack, prompter);
		lifecycle = new TokenLifecycle(context, tokens, resolver, roleWrites, readBack, prompter);
		grants = new TokenGrants(context, tokens, resolver, roles, roleWrites);
	}

	static ApiToken token(String id, String name, TokenScope scope, TokenRole... roles) {
		return new ApiToken(id, name, "", scope, "STANDARD", "abc", null, NOW.minusSeconds(86400), null, null, null,
				null, null, null, null, List.of(roles), null);
	}

	static ApiToken deploymentToken(String id, String name, String role) {
		return token(id, name, TokenScope.DEPLOYMENT, TokenRole.deployment(DEPLOYMENT, role));
	}

	/** Expects E3 of the token, answered with it. */
	TokenUnit expectGet(ApiToken token) {
		api.expect("getToken", ORG, token.id()).reply(token);
		return this;
	}

	/** Expects E8, the organization's custom deployment roles (one page), answered with these names. */
	TokenUnit expectDeploymentRoles(String... names) {
		List<Role> roles = Arrays.stream(names)
			.map(n -> new Role("role-" + n, n, "", "DEPLOYMENT", List.of(), NOW, null, NOW, null))
			.toList();
		api.expect("listRoles", ORG, false, List.of("DEPLOYMENT"), 0, PAGE)
			.reply(new RolesPage(roles, List.of(), 0, PAGE, roles.size()));
		return this;
	}

	/** Expects E1 of the deployment's tokens (one page), answered with {@code list}. */
	TokenUnit expectDeploymentList(ApiToken... list) {
		api.expect("listTokens", ORG, TokenQuery.ofDeployment(DEPLOYMENT), 0, PAGE)
			.reply(new TokensPage(List.of(list), 0, PAGE, list.length));
		return this;
	}
}
