package dev.astroshell.token;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

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
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.RunMode;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.BoundApi;
import dev.astroshell.gateway.Waits;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.session.ListCache;

/**
 * The token use cases wired by hand over a {@link FakeAstroApi} and a {@link ScriptedPrompter}, without Spring or
 * HTTP: the organization {@link #ORG}, the current deployment {@link #DEPLOYMENT} in workspace {@link #WORKSPACE}.
 */
final class TokenUnit {

	static final String ORG = "org-1";

	static final String DEPLOYMENT = "dep-1";

	static final String DEPLOYMENT_NAME = "etl-prod";

	static final String WORKSPACE = "ws-1";

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	static final int PAGE = 100;

	static final String BASE_URL = "https://api.test/v1";

	final FakeAstroApi api = new FakeAstroApi();

	final ScriptedPrompter prompter = new ScriptedPrompter();

	final Tokens tokens;

	final TokenResolver resolver;

	final UpdateToken update;

	final CreateToken create;

	final RotateToken rotate;

	final DeleteToken delete;

	final AddGrant addGrant;

	final UpdateGrant updateGrant;

	final RemoveGrant removeGrant;

	final ExpiryNotice notice;

	final TokenLists lists;

	/** Whether this run is the REPL (a person at a terminal); one-shot by default. */
	boolean interactive;

	private final RunMode mode = new RunMode() {
		@Override
		public boolean isInteractive() {
			return interactive;
		}

		@Override
		public boolean isDebug() {
			return false;
		}
	};

	/** A renderer of a run that is not on a terminal unless {@link #interactive} (no prompts, tables of any width). */
	final Renderer renderer = new Renderer(JsonMapper.builder().build(), mode);

	private final WriteOutput output;

	TokenUnit() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		TokenContext context = new TokenContext() {
			@Override
			public String resolveDeploymentId(String given) {
				return given == null ? DEPLOYMENT : given;
			}

			@Override
			public String deploymentName(String deploymentId) {
				return deploymentId.equals(DEPLOYMENT) ? DEPLOYMENT_NAME : deploymentId;
			}

			@Override
			public String workspaceName(String workspaceId) {
				return workspaceId;
			}

			@Override
			public String knownDeploymentId(String given) {
				return given == null ? DEPLOYMENT : given;
			}

			@Override
			public String currentWorkspaceId() {
				return WORKSPACE;
			}

			@Override
			public String workspaceId(String given) {
				return given == null ? WORKSPACE : given;
			}

			@Override
			public String organizationId() {
				return ORG;
			}

			@Override
			public String organizationName() {
				return ORG;
			}
		};
		AstroProperties properties = new AstroProperties(new AstroProperties.Api(null, 8888, Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO, PAGE, 1), null, false);
		BoundApi bound = new BoundApi() {
			@Override
			public AstroApi api() {
				return api;
			}

			@Override
			public String organizationId() {
				return ORG;
			}

			@Override
			public URI baseUrl() {
				return URI.create(BASE_URL);
			}
		};
		Waits waits = new Waits();
		ApiGateway gateway = new ApiGateway(bound, waits, properties);
		notice = new ExpiryNotice(context, gateway, mode, clock);
		output = new WriteOutput(renderer, written -> {
		}, notice); // no journal: these tests are of the use cases
		tokens = new Tokens(context, new ListCache(Duration.ofMinutes(1), clock), gateway, notice);
		lists = new TokenLists(context, tokens, notice, renderer, clock);
		resolver = new TokenResolver(context, tokens, gateway, clock);
		RoleChooser roles = new RoleChooser(context, tokens);
		RoleWrite roleWrite = new RoleWrite(context, tokens, gateway);
		NameClash nameClash = new NameClash(waits);
		update = new UpdateToken(context, tokens, resolver, roles, roleWrite, gateway, prompter, nameClash);
		create = new CreateToken(context, tokens, roles, gateway, prompter, nameClash);
		rotate = new RotateToken(context, tokens, resolver, gateway, prompter);
		delete = new DeleteToken(context, tokens, resolver, roleWrite, gateway, prompter);
		Granting granting = new Granting(context, resolver, roles, roleWrite, prompter);
		addGrant = new AddGrant(granting);
		updateGrant = new UpdateGrant(granting);
		removeGrant = new RemoveGrant(granting);
	}

	/** What the command prints for this result; a result not known done throws the command's exit-1 failure. */
	String text(WriteResult result) {
		return output.show(result, OutputFormat.TABLE, false, new PrintWriter(Writer.nullWriter()));
	}

	/** The JSON {@code -o json} prints for this result (a failure's too, which then ends the command). */
	String json(WriteResult result) {
		StringWriter failed = new StringWriter();
		try {
			return output.show(result, OutputFormat.JSON, false, new PrintWriter(failed));
		}
		catch (CliException e) {
			return failed.toString().strip();
		}
	}

	/** What the write command prints (text, or JSON when {@code json}), as {@code WriteOutput} writes it. */
	<O> String written(WriteUseCase<O> useCase, O options, boolean json) {
		return output.write(useCase, options, false, json ? "json" : null, false, false,
				new PrintWriter(Writer.nullWriter()));
	}

	String update(TokenUpdate request) {
		return text(update.run(request));
	}

	String delete(String tokenId, String name, boolean force, String deploymentId) {
		return text(delete.run(new DeleteToken.Options(tokenId, name, force, deploymentId)));
	}

	String rotate(String tokenId, String name, boolean force, String deploymentId) {
		return text(rotate.run(new RotateToken.Options(tokenId, name, force, deploymentId)));
	}

	String create(String name, String description, String role, Integer expirationDays, String deploymentId) {
		return text(create.run(new CreateToken.Options(name, description, role, expirationDays, deploymentId)));
	}

	String addGrant(GrantKind kind, String tokenId, String name, String role, String workspaceId,
			String deploymentId) {
		return text(addGrant.run(new AddGrant.Options(kind, tokenId, name, role, workspaceId, deploymentId)));
	}

	String updateGrant(GrantKind kind, String tokenId, String name, String role, String deploymentId) {
		return text(updateGrant.run(new UpdateGrant.Options(kind, tokenId, name, role, deploymentId)));
	}

	String removeGrant(GrantKind kind, String tokenId, String name, String workspaceId, String deploymentId) {
		return text(removeGrant.run(new RemoveGrant.Options(kind, tokenId, name, workspaceId, deploymentId, true)));
	}

	/** The success lines of an update from {@code before} to {@code after}, as the command prints them. */
	static String updated(ApiToken before, ApiToken after, String oldRole, String newRole) {
		return WriteText.of(WriteResult.done(WriteResult.Outcome.DONE, WriteResult.Action.UPDATE, after,
				UpdateToken.changes(before, after.name(), after.description(), oldRole, newRole), List.of()));
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
