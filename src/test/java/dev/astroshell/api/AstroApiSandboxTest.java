package dev.astroshell.api;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.sandbox.SandboxServer;
import dev.astroshell.testing.SeedFacts;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The WebClient client against the sandbox over real HTTP: every endpoint, pagination, every error class. */
class AstroApiSandboxTest {

	static final String ORG = SandboxSeed.ORGANIZATION_ID;

	static final String ETL_PROD = SandboxSeed.DEPLOYMENT_ETL_PROD_ID;

	static final AstroProperties.Api SETTINGS = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2),
			Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(1500), 3, 2);

	static final AstroProperties.Faults NO_FAULTS = new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0,
			1, "", "");

	/** One server for the class; each test starts from the seed, with no faults and an empty request log. */
	@TempDir
	static Path data;

	static SandboxServer sandbox;

	AstroApi api;

	@BeforeAll
	static void startSandbox() {
		sandbox = new SandboxServer(data, 0, NO_FAULTS).start();
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@BeforeEach
	void fresh() {
		sandbox.setFaults(NO_FAULTS);
		sandbox.clearPlannedFaults();
		sandbox.reset();
		sandbox.clearRequests();
		api = client(sandbox.baseUrl(), sandbox.developmentToken(), SETTINGS);
	}

	static AstroApi client(URI baseUrl, String token, AstroProperties.Api settings) {
		return new WebClientAstroApi(WebClient.builder(), JsonMapper.builder().build(), settings,
				new ApiTarget(baseUrl, token), "astro-shell/test");
	}

	@Test
	void readsTokensOfADeploymentWithRolesAndProfiles() {
		TokensPage page = api.listTokens(ORG, TokenQuery.ofDeployment(ETL_PROD), 0, 100).block();
		assertThat(page.totalCount()).isEqualTo(page.tokens().size());
		assertThat(page.tokens()).extracting(ApiToken::name)
			.contains(SandboxSeed.DUPLICATE_TOKEN_NAME, "Équipe données", "Data Eng workspace token")
			.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		ApiToken equipe = page.tokens()
			.stream()
			.filter(t -> t.id().equals(SandboxSeed.TOKEN_EQUIPE_ID))
			.findFirst()
			.orElseThrow();
		assertThat(equipe.scope()).isEqualTo(TokenScope.DEPLOYMENT);
		assertThat(equipe.deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.ROLE_DAG_RUNNER);
		assertThat(equipe.roles()).anyMatch(r -> EntityType.DAG_TAG.equals(r.entityType()) && r.deploymentId() != null);
		assertThat(equipe.createdBy().displayName()).isNotBlank();
		assertThat(equipe.createdAt()).isNotNull();
		assertThat(equipe.token()).as("lists never carry secrets").isNull();
		assertThat(page.tokens()).extracting(ApiToken::scope)
			.contains(TokenScope.WORKSPACE, TokenScope.ORGANIZATION);
	}

	@Test
	void filtersByWorkspaceAndOrganization() {
		assertThat(api.listTokens(ORG, TokenQuery.organizationTokens(), 0, 100).block().tokens())
			.extracting(ApiToken::scope)
			.containsOnly(TokenScope.ORGANIZATION);
		assertThat(api.listTokens(ORG, TokenQuery.ofWorkspace(SandboxSeed.WORKSPACE_DATA_ID), 0, 100).block().tokens())
			.extracting(ApiToken::id)
			.contains(SandboxSeed.TOKEN_WORKSPACE_DATA_ID)
			.doesNotContain(SandboxSeed.TOKEN_WORKSPACE_ML_ID);
	}

	@Test
	void readsEveryPageConcurrentlyAfterTheFirst() {
		sandbox.clearRequests();
		List<ApiToken> all = PageReader.readAll((offset, limit) -> api
			.listTokens(ORG, new TokenQuery(null, null, false, List.of("name:asc")), offset, limit), 3, 2).block();
		int expected = api.listTokens(ORG, new TokenQuery(null, null, false, List.of()), 0, 1).block().totalCount();
		assertThat(all).hasSize(expected).extracting(ApiToken::id).doesNotHaveDuplicates();
		assertThat(all).extracting(ApiToken::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		List<String> offsets = sandbox.requests()
			.stream()
			.limit((expected + 2) / 3)
			.map(r -> r.query().replaceAll(".*offset=(\\d+).*", "$1"))
			.toList();
		assertThat(offsets).hasSize((expected + 2) / 3).contains("0", "3", "6");
	}

	@Test
	void createUpdateReplaceRolesRotateAndDelete() {
		ApiToken created = api.createToken(ORG, new CreateTokenRequest("it token", "DEPLOYMENT_ADMIN",
				TokenScope.DEPLOYMENT, "made by a test", ETL_PROD, null, 30)).block();
		assertThat(created.token()).isNotBlank();
		assertThat(created.expiryPeriodInDays()).isEqualTo(30);
		assertThat(created.deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");

		ApiToken renamed = api.updateToken(ORG, created.id(), new UpdateTokenRequest("it token 2", "changed")).block();
		assertThat(renamed.name()).isEqualTo("it token 2");
		assertThat(renamed.description()).isEqualTo("changed");

		TokenRolesResult roles = api.updateTokenRoles(ORG, created.id(),
				new UpdateTokenRolesRequest(List.of(TokenRole.deployment(ETL_PROD, SeedFacts.ROLE_DEPLOY_BOT))))
			.block();
		assertThat(roles.deploymentRoles())
			.containsExactly(new TokenRolesResult.DeploymentRole(ETL_PROD, SeedFacts.ROLE_DEPLOY_BOT));
		assertThat(api.getToken(ORG, created.id()).block().deploymentRole(ETL_PROD))
			.isEqualTo(SeedFacts.ROLE_DEPLOY_BOT);

		AstroApi asOld = client(sandbox.baseUrl(), created.token(), SETTINGS);
		assertThat(asOld.getOrganization(ORG).block().name()).isEqualTo(SeedFacts.ORGANIZATION);
		ApiToken rotated = api.rotateToken(ORG, created.id()).block();
		assertThat(rotated.token()).isNotBlank().isNotEqualTo(created.token());
		assertThat(catchThrowableOfType(ApiException.class, () -> asOld.getOrganization(ORG).block()).status())
			.isEqualTo(401);
		assertThat(client(sandbox.baseUrl(), rotated.token(), SETTINGS).getOrganization(ORG).block()).isNotNull();

		api.deleteToken(ORG, created.id()).block();
		ApiException gone = catchThrowableOfType(ApiException.class, () -> api.getToken(ORG, created.id()).block());
		assertThat(gone.isNotFound()).isTrue();
		assertThat(gone.requestId()).isNotBlank();
	}

	@Test
	void readsRolesDeploymentsWorkspacesOrganizations() {
		var roles = api.listRoles(ORG, true, List.of("DEPLOYMENT"), 0, 100).block();
		assertThat(roles.roles()).extracting(Role::name)
			.containsAll(SeedFacts.CUSTOM_DEPLOYMENT_ROLES)
			.doesNotContain(SeedFacts.ROLE_WORKSPACE_AUDITOR);
		assertThat(roles.defaultRoles()).extracting(DefaultRole::name).contains(SeedFacts.DEPLOYMENT_ADMIN);

		var deployments = api.listDeployments(ORG, List.of(SandboxSeed.WORKSPACE_ML_ID), List.of(), 0, 100).block();
		assertThat(deployments.deployments()).extracting(Deployment::name).containsExactlyInAnyOrder(SeedFacts.ML_DEV, SeedFacts.ML_PROD);
		Deployment etl = api.getDeployment(ORG, ETL_PROD).block();
		assertThat(etl.name()).isEqualTo(SeedFacts.ETL_PROD);
		assertThat(etl.workspaceName()).isEqualTo(SeedFacts.WORKSPACE_DATA);

		assertThat(api.listWorkspaces(ORG, 0, 100).block().workspaces()).hasSize(2);
		assertThat(api.getWorkspace(ORG, SandboxSeed.WORKSPACE_DATA_ID).block().name())
			.isEqualTo(SeedFacts.WORKSPACE_DATA);
		assertThat(api.listOrganizations(0, 10).block().organizations()).extracting(Organization::id).contains(ORG);
		assertThat(api.getOrganization(ORG).block().name()).isEqualTo(SeedFacts.ORGANIZATION);
		ApiException self = catchThrowableOfType(ApiException.class, () -> api.getSelf().block());
		assertThat(self.status()).as("API tokens are not users").isEqualTo(403);
	}

	@Test
	void validationErrorsCarryTheMessageAndFieldErrors() {
		ApiException e = catchThrowableOfType(ApiException.class, () -> api
			.createToken(ORG, new CreateTokenRequest("", "NOPE", TokenScope.DEPLOYMENT, null, ETL_PROD, null, 0))
			.block());
		assertThat(e.status()).isEqualTo(400);
		assertThat(e.kind()).isEqualTo(ApiException.Kind.HTTP);
		assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
		assertThat(e.fieldErrors()).extracting(ApiException.FieldError::field).contains("name");
		assertThat(e.requestId()).isNotBlank();
	}

	@Test
	void authorisationErrors() {
		AstroApi stranger = client(sandbox.baseUrl(), "eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2ln", SETTINGS);
		assertThat(catchThrowableOfType(ApiException.class, () -> stranger.getOrganization(ORG).block())
			.isUnauthorized()).isTrue();
		String otherOrg = sandbox.data().createOrganization("Other Org").organizationId();
		ApiException foreign = catchThrowableOfType(ApiException.class, () -> api.getOrganization(otherOrg).block());
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.getMessage()).isNotBlank();
		assertThat(catchThrowableOfType(ApiException.class, () -> api.getDeployment(ORG, "clnope").block()).status())
			.isEqualTo(404);
	}

	@Test
	void aPermissionDenialIsOneLineNamingTheMissingRoleAndWhatToDo() {
		String readerSecret = api.rotateToken(ORG, SandboxSeed.TOKEN_ORG_READER_ID).block().token();
		AstroApi reader = client(sandbox.baseUrl(), readerSecret, SETTINGS);
		ApiException denied = catchThrowableOfType(ApiException.class,
				() -> reader.deleteToken(ORG, SandboxSeed.TOKEN_CI_DEPLOY_ID).block());
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.getMessage()).isEqualTo("permission denied: this API token cannot delete tokens of deployment "
				+ ETL_PROD + " (needs DEPLOYMENT_ADMIN on it, WORKSPACE_OPERATOR or WORKSPACE_OWNER on workspace "
				+ SandboxSeed.WORKSPACE_DATA_ID + ", or ORGANIZATION_OWNER); use a token with that permission"
				+ " ('login' with it, or set ASTRO_API_TOKEN)");
		assertThat(denied.requestId()).isNotBlank();
		assertThat(denied.getMessage()).doesNotContain(readerSecret);
	}

	@Test
	void readsAreRetriedOnTransientFailuresWritesAreNot() {
		sandbox.clearRequests();
		sandbox.failNext(2, 503);
		assertThat(api.getOrganization(ORG).block()).isNotNull();
		assertThat(sandbox.requests()).hasSize(3);

		sandbox.clearRequests();
		sandbox.failNext(1, 503);
		ApiException e = catchThrowableOfType(ApiException.class, () -> api
			.updateToken(ORG, SandboxSeed.TOKEN_EQUIPE_ID, new UpdateTokenRequest("x", null))
			.block());
		assertThat(e.status()).isEqualTo(503);
		assertThat(sandbox.requests()).hasSize(1);

		sandbox.clearRequests();
		sandbox.failNext(3, 502);
		assertThat(catchThrowableOfType(ApiException.class, () -> api.getOrganization(ORG).block()).status())
			.as("attempts are bounded").isEqualTo(502);
		assertThat(sandbox.requests()).hasSize(SETTINGS.maxAttempts());
	}

	@Test
	void tooManyRequestsWaitsForRetryAfter() {
		sandbox.clearRequests();
		sandbox.failNext(1, 429);
		long started = System.nanoTime();
		assertThat(api.getOrganization(ORG).block()).isNotNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 is honoured")
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(sandbox.requests()).hasSize(2);
	}

	@Test
	void droppedConnections() {
		sandbox.clearRequests();
		sandbox.dropNext(1);
		assertThat(api.getOrganization(ORG).block()).as("a GET is retried after a reset").isNotNull();
		assertThat(sandbox.requests()).hasSize(2);

		sandbox.clearRequests();
		sandbox.dropNext(1);
		ApiException e = catchThrowableOfType(ApiException.class,
				() -> api.rotateToken(ORG, SandboxSeed.TOKEN_STAGING_SMOKE_ID).block());
		assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSPORT);
		assertThat(e.getMessage()).contains("127.0.0.1:" + sandbox.port());
		assertThat(sandbox.requests()).as("rotate is never retried").hasSize(1);
	}

	@Test
	void connectionRefusedNamesTheHost() throws Exception {
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		AstroApi nowhere = client(URI.create("http://127.0.0.1:" + closed + "/v1"), "t", SETTINGS);
		ApiException e = catchThrowableOfType(ApiException.class, () -> nowhere.getOrganization(ORG).block());
		assertThat(e.kind()).isEqualTo(ApiException.Kind.CONNECT);
		assertThat(e.getMessage()).isEqualTo("cannot connect to 127.0.0.1:" + closed + ": connection refused");
	}

	@Test
	void httpsToAPlainHttpServerSaysSoWithoutAHexDump() {
		AstroApi https = client(URI.create("https://localhost:" + sandbox.port() + "/v1"), "t", SETTINGS);
		ApiException e = catchThrowableOfType(ApiException.class, () -> https.getOrganization(ORG).block());
		assertThat(e.getMessage()).startsWith("the server at localhost:" + sandbox.port() + " does not speak HTTPS")
			.contains("login localhost:PORT")
			.doesNotContain("SSL/TLS record");
	}

	@Test
	void slowAnswersTimeOut() {
		AstroProperties.Api impatient = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2),
				Duration.ofMillis(300), 1, Duration.ofMillis(10), Duration.ofMillis(100), 3, 2);
		sandbox.setFaults(new AstroProperties.Faults(Duration.ofSeconds(2), 0, new int[] { 500 }, 0, 1, "", ""));
		ApiException e = catchThrowableOfType(ApiException.class,
				() -> client(sandbox.baseUrl(), sandbox.developmentToken(), impatient).getOrganization(ORG).block());
		assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSPORT);
		assertThat(e.getMessage()).startsWith("no answer from 127.0.0.1:" + sandbox.port());
	}

	@Test
	void nonJsonErrorsAndHeaders() {
		Map<String, String> seen = new ConcurrentHashMap<>();
		DisposableServer proxy = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((req, res) -> {
				req.requestHeaders().forEach(h -> seen.put(h.getKey().toLowerCase(), h.getValue()));
				return res.status(502).header("Content-Type", "text/html").sendString(Mono.just("<html>bad gateway</html>"));
			})
			.bindNow();
		try {
			AstroApi behindProxy = client(URI.create("http://127.0.0.1:" + proxy.port() + "/v1"), "the-token",
					SETTINGS);
			assertThatThrownBy(() -> behindProxy.updateToken(ORG, "t", new UpdateTokenRequest("n", null)).block())
				.isInstanceOf(ApiException.class)
				.hasMessage("failed to perform request, status 502");
			assertThat(seen).containsEntry("authorization", "Bearer the-token")
				.containsEntry("user-agent", "astro-shell/test")
				.containsEntry("x-astro-client-identifier", "astro-shell")
				.containsEntry("content-type", "application/json");
		}
		finally {
			proxy.disposeNow();
		}
	}
}
