package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.WebClientAstroApi;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxServer;
import dev.astroshell.shell.OneShotProcessTest.Outcome;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.SeedFacts;

import org.springframework.web.reactive.function.client.WebClient;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deployment token update} as a one-shot run in a child JVM (stdin not a terminal, so never a prompt), with
 * the arguments as a user's shell passes them. Each scenario has its own XDG dirs (so its own sandbox data); the
 * scenarios run together; the written state is read back from each one's sandbox data.
 */
class TokenUpdateOneShotTest {

	static final Map<String, List<Outcome>> results = new ConcurrentHashMap<>();

	@TempDir
	static Path root;

	@BeforeAll
	static void runAll() throws Exception {
		Map<String, List<List<String>>> scenarios = Map.of(
				"withRole", List.of(List.of("deployment", "token", "update", TOKEN_CI_DEPLOY_OLD_ID, "--deployment-id",
						DEPLOYMENT_ETL_PROD_ID, "--role=DEPLOYMENT_ADMIN")),
				"keepsRole", List.of(List.of("deployment", "token", "update", "--deployment-id", DEPLOYMENT_ETL_PROD_ID,
						"--name=Équipe données", "--new-name", "Équipe v2")),
				"noToken", List.of(List.of("deployment", "token", "update", "--deployment-id", DEPLOYMENT_ETL_PROD_ID)));
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (var scenario : scenarios.entrySet()) {
			Path home = Files.createDirectories(root.resolve(scenario.getKey()));
			Path cwd = Files.createDirectories(home.resolve("cwd"));
			runs.add(CompletableFuture.runAsync(() -> results.put(scenario.getKey(), scenario.getValue()
				.stream()
				.map(args -> OneShotProcessTest.launch(home, cwd, args))
				.toList())));
		}
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
	}

	@Test
	void theRoleExampleExitsZeroWithoutPrompting() {
		Outcome update = results.get("withRole").get(0);
		assertThat(update.err()).isEmpty();
		assertThat(update.exitCode()).isZero();
		assertThat(update.out().lines()).containsExactly(
				"Astro Deployment API token " + SeedFacts.TOKEN_CI_DEPLOY + " was successfully updated",
				"role: " + SeedFacts.ROLE_DEPLOY_BOT + " -> " + SeedFacts.DEPLOYMENT_ADMIN);
		assertThat(readBack("withRole", TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(DEPLOYMENT_ETL_PROD_ID))
			.isEqualTo(SeedFacts.DEPLOYMENT_ADMIN);
	}

	@Test
	void withoutRoleTheRoleIsKept() {
		Outcome update = results.get("keepsRole").get(0);
		assertThat(update.err()).isEmpty();
		assertThat(update.exitCode()).isZero();
		assertThat(update.out().lines()).containsExactly("Astro Deployment API token Équipe v2 was successfully updated",
				"name: " + SeedFacts.TOKEN_EQUIPE + " -> Équipe v2");
		ApiToken after = readBack("keepsRole", TOKEN_EQUIPE_ID);
		assertThat(after.name()).isEqualTo("Équipe v2");
		assertThat(after.deploymentRole(DEPLOYMENT_ETL_PROD_ID)).isEqualTo(SeedFacts.ROLE_DAG_RUNNER);
	}

	@Test
	void noTokenAndNoTerminalExitsTwoNamingTheFlags() {
		Outcome update = results.get("noToken").get(0);
		assertThat(update.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(update.out()).isEmpty();
		assertThat(update.errLines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Error: ").contains("--name", "TOKEN_ID"));
	}

	@Test
	void noSecretInAnyOutput() {
		assertThat(results.values().stream().flatMap(List::stream)).allSatisfy(
				o -> assertThat(o.out() + o.err()).doesNotContain("eyJ"));
	}

	/** The token as the child left it: its sandbox data dir served again, here, after the child exited. */
	private static ApiToken readBack(String scenario, String tokenId) {
		try (SandboxServer sandbox = new SandboxServer(root.resolve(scenario).resolve("data/astro-shell"), 0,
				SandboxFixture.NO_FAULTS).start()) {
			AstroProperties.Api settings = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2), Duration.ofSeconds(5),
					1, Duration.ofMillis(10), Duration.ofMillis(10), 100, 1);
			return new WebClientAstroApi(WebClient.builder(), JsonMapper.builder().build(), settings,
					new ApiTarget(sandbox.baseUrl(), sandbox.developmentToken()), "astro-shell/test")
				.getToken(ORGANIZATION_ID, tokenId)
				.block();
		}
	}

}
