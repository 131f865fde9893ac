package dev.astroshell.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.gateway.Waits;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.sandbox.SandboxServer;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;
import dev.astroshell.testing.SeedFacts;

import org.springframework.web.reactive.function.client.WebClient;

import static dev.astroshell.session.TokenClaimsTest.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The session over a real sandbox: login, persistence, events, and tokens refused before any call. */
class SessionTest {

	@TempDir
	Path dir;

	SandboxServer sandbox;

	ConfigStore store;

	List<SessionContext> events = new ArrayList<>();

	Map<String, String> env = new HashMap<>();

	@BeforeEach
	void start() {
		sandbox = new SandboxServer(dir.resolve("data"), 0, new AstroProperties.Faults(Duration.ZERO, 0,
				new int[] { 500 }, 0, 1, "", "")).start();
		store = new ConfigStore(dir.resolve("config/config.yaml"));
	}

	@AfterEach
	void stop() {
		sandbox.close();
	}

	Session session() {
		AstroProperties properties = new AstroProperties(new AstroProperties.Api(null, sandbox.port(),
				Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(50), 100, 2),
				null, false);
		BuiltInSandbox builtIn = new BuiltInSandbox() {
			@Override
			public void warmUp() {
			}

			@Override
			public URI baseUrl() {
				return sandbox.baseUrl();
			}

			@Override
			public String developmentToken() {
				return sandbox.developmentToken();
			}
		};
		return new Session(store, builtIn, new AstroApiFactory(WebClient.builder(), JsonMapper.builder().build(),
				properties), properties, e -> events.add(((SessionChangedEvent) e).context()), Clock.systemUTC(), env,
				new Waits());
	}

	@Test
	void aDamagedConfigFailsEveryUseButNotTheStartAndStaysAsItIs() throws Exception {
		byte[] damaged = "current-context: [a]\n".getBytes(StandardCharsets.UTF_8);
		Files.createDirectories(store.file().getParent());
		Files.write(store.file(), damaged);
		Session s = session();
		assertThat(s.configProblem()).hasValueSatisfying(
				p -> assertThat(p).contains("line 1: current-context must be a string, not a list"));
		for (Runnable use : List.<Runnable>of(s::current, s::api, s::logout, () -> s.switchContext("sandbox"),
				() -> s.setWorkspace(new Ref("w", null)))) {
			CliException e = catchThrowableOfType(CliException.class, use::run);
			assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
			assertThat(e.getMessage()).contains(store.file().toString(), "line 1", "login sandbox");
		}
		assertThat(events).isEmpty();
		assertThat(Files.readAllBytes(store.file())).isEqualTo(damaged);

		Path kept = s.startAfresh().orElseThrow();
		assertThat(s.login("sandbox", null, CredentialSource.SANDBOX).organization().name()).isEqualTo("Sandbox Org");
		assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
		assertThat(kept.getFileName().toString()).startsWith("config.yaml.broken-");
		assertThat(store.load().current()).isEqualTo("sandbox");
		assertThat(s.configProblem()).isEmpty();
	}

	@Test
	void aConfigFixedByHandIsPickedUpWithoutARestart() throws Exception {
		Files.createDirectories(store.file().getParent());
		Files.writeString(store.file(), "current-context: 42\n");
		Session s = session();
		assertThat(s.configProblem()).isPresent();
		Files.writeString(store.file(), "current-context: sandbox\n");
		assertThat(s.current().domain()).isEqualTo("sandbox");
		assertThat(events).as("the prompt learns the context").hasSize(1);
	}

	@Test
	void startsOnTheSandboxAndLearnsTheOrganizationOnce() {
		Session s = session();
		assertThat(s.current().domain()).isEqualTo("sandbox");
		assertThat(s.resolved().organization()).isEqualTo(new Ref(SandboxSeed.ORGANIZATION_ID, SeedFacts.ORGANIZATION));
		assertThat(events).hasSize(1);
		sandbox.clearRequests();
		Session next = session();
		assertThat(next.current().organization().name()).as("remembered across sessions").isEqualTo(SeedFacts.ORGANIZATION);
		next.resolved();
		assertThat(sandbox.requests()).as("no call needed once known").isEmpty();
		assertThat(store.load().context("sandbox").token()).as("the development token is never saved").isNull();
	}

	@Test
	void loginSavesThePrivateContextAndSwitchesPersist() throws Exception {
		String token = sandbox.data().createOrganization("Other Org").token();
		Session s = session();
		SessionContext c = s.login("localhost", token, CredentialSource.LOGIN);
		assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:" + sandbox.port() + "/v1"));
		assertThat(c.organization().name()).isEqualTo("Other Org");
		assertThat(events).last().isEqualTo(c);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");

		Session again = session();
		assertThat(again.current().domain()).isEqualTo("localhost");
		assertThat(again.current().source()).isEqualTo(CredentialSource.LOGIN);
		assertThat(again.resolved().organizationId()).isEqualTo(c.organizationId());

		again.switchContext("sandbox");
		again.setDeployment(new Ref(SandboxSeed.WORKSPACE_DATA_ID, SeedFacts.WORKSPACE_DATA),
				new Ref(SandboxSeed.DEPLOYMENT_ETL_PROD_ID, SeedFacts.ETL_PROD));
		Session third = session();
		assertThat(third.current().domain()).isEqualTo("sandbox");
		assertThat(third.current().deployment().name()).isEqualTo(SeedFacts.ETL_PROD);
		assertThat(store.load().context("localhost").token()).as("other contexts keep their login").isEqualTo(token);

		third.logout();
		assertThat(session().current().loggedIn()).isFalse();
	}

	@Test
	void theSameOrganizationAgainKeepsTheWorkspaceAndDeploymentAndAnotherClearsThem() {
		Session s = session();
		s.setDeployment(new Ref(SandboxSeed.WORKSPACE_DATA_ID, SeedFacts.WORKSPACE_DATA),
				new Ref(SandboxSeed.DEPLOYMENT_ETL_PROD_ID, SeedFacts.ETL_PROD));
		SessionContext same = s.setOrganization(new Ref(SandboxSeed.ORGANIZATION_ID, SeedFacts.ORGANIZATION));
		assertThat(same.workspaceId()).isEqualTo(SandboxSeed.WORKSPACE_DATA_ID);
		assertThat(same.deploymentId()).isEqualTo(SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
		SessionContext other = s.setOrganization(new Ref("other-org", "Other Org"));
		assertThat(other.workspace()).isNull();
		assertThat(other.deployment()).isNull();
	}

	@Test
	void aFirstStartWhereTheAstroCliHasAConfigSaysThatItCanBeImported() throws Exception {
		Path home = dir.resolve("home");
		env.put("HOME", home.toString());
		assertThat(session().firstStartHint()).as("no astro config").isEmpty();
		Path astro = Files.createDirectories(home.resolve(".astro")).resolve("config.yaml");
		Files.writeString(astro, "contexts: {}\n");
		assertThat(session().firstStartHint())
			.hasValue("Found the astro CLI's logins in " + astro + ": 'context import' brings them in.");
		session().setOrganization(new Ref(SandboxSeed.ORGANIZATION_ID, SeedFacts.ORGANIZATION));
		assertThat(session().firstStartHint()).as("not a first start any more").isEmpty();
	}

	@Test
	void malformedAndExpiredTokensAreRefusedBeforeAnyCall() {
		sandbox.clearRequests();
		for (String bad : new String[] { "not-a-jwt", jwt("{\"permissions\":[\"organizationId:o\"],\"exp\":1000}") }) {
			CliException e = catchThrowableOfType(CliException.class,
					() -> session().login("localhost", bad, CredentialSource.LOGIN));
			assertThat(e.exitCode()).isEqualTo(ExitCodes.AUTH);
			assertThat(e.getMessage()).isIn("API Token is invalid or malformed", "API Token is expired");
		}
		assertThat(sandbox.requests()).isEmpty();
		assertThat(Files.exists(store.file())).isFalse();
	}

	@Test
	void aTokenTheServerDidNotIssueIsRefusedWithExitCode4() {
		String foreign = jwt("{\"permissions\":[\"organizationId:" + SandboxSeed.ORGANIZATION_ID
				+ "\"],\"apiTokenId\":\"x\"}");
		CliException e = catchThrowableOfType(CliException.class,
				() -> session().login("localhost", foreign, CredentialSource.LOGIN));
		assertThat(e.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(e.getMessage()).startsWith("the token was refused by localhost").doesNotContain(foreign);
		assertThat(Files.exists(store.file())).isFalse();
	}

	@Test
	void theEnvironmentTokenWinsOverTheSavedLogin() {
		session().login("localhost", sandbox.data().createOrganization("Saved Org").token(), CredentialSource.LOGIN);
		env.put("ASTRO_API_TOKEN", sandbox.data().createOrganization("Env Org").token());
		Session s = session();
		assertThat(s.current().source()).isEqualTo(CredentialSource.ENVIRONMENT);
		assertThat(s.resolved().organization().name()).isEqualTo("Env Org");
	}

	@Test
	void anUnusableEnvironmentTokenSaysWhereItComesFromAndTheSandboxSaysItIgnoresIt() {
		env.put("ASTRO_API_TOKEN", "garbage");
		Session s = session();
		assertThat(s.environmentTokenIgnored()).as("no saved context: astronomer.io with the variable").isFalse();
		CliException e = catchThrowableOfType(CliException.class, s::resolved);
		assertThat(e.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(e.getMessage()).isEqualTo(
				"API Token is invalid or malformed (the token in ASTRO_API_TOKEN; fix or unset it)");
		s.switchContext("sandbox");
		assertThat(s.environmentTokenIgnored()).isTrue();
	}
}
