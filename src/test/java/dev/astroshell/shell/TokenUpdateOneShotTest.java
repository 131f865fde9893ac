package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.shell.OneShotProcessTest.Outcome;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deployment token update} as a one-shot run in a child JVM (stdin not a terminal, so never a prompt), with
 * the arguments as a user's shell passes them. Each scenario has its own XDG dirs (so its own sandbox data); the
 * scenarios run together, the runs of one scenario in order.
 */
class TokenUpdateOneShotTest {

	static final Map<String, List<Outcome>> results = new ConcurrentHashMap<>();

	@TempDir
	static Path root;

	@BeforeAll
	static void runAll() throws Exception {
		Map<String, List<List<String>>> scenarios = Map.of(
				"withRole", List.of(
						List.of("deployment", "token", "update", TOKEN_CI_DEPLOY_OLD_ID, "--deployment-id",
								DEPLOYMENT_ETL_PROD_ID, "--role=DEPLOYMENT_ADMIN"),
						List.of("deployment", "token", "list", "--deployment-id", DEPLOYMENT_ETL_PROD_ID)),
				"keepsRole", List.of(
						List.of("deployment", "token", "update", "--deployment-id", DEPLOYMENT_ETL_PROD_ID,
								"--name=Équipe données", "--new-name", "Équipe v2"),
						List.of("deployment", "token", "list", "--deployment-id", DEPLOYMENT_ETL_PROD_ID)),
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
				"Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: Deploy Bot -> DEPLOYMENT_ADMIN");
		assertThat(row(results.get("withRole").get(1), TOKEN_CI_DEPLOY_OLD_ID)).contains("DEPLOYMENT_ADMIN")
			.doesNotContain("Deploy Bot");
	}

	@Test
	void withoutRoleTheRoleIsKept() {
		Outcome update = results.get("keepsRole").get(0);
		assertThat(update.err()).isEmpty();
		assertThat(update.exitCode()).isZero();
		assertThat(update.out().lines()).containsExactly("Astro Deployment API token Équipe v2 was successfully updated",
				"name: Équipe données -> Équipe v2");
		assertThat(row(results.get("keepsRole").get(1), TOKEN_EQUIPE_ID)).contains("Équipe v2", "DAG_RUNNER");
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

	private static String row(Outcome list, String id) {
		assertThat(list.exitCode()).isZero();
		return list.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
	}

}
