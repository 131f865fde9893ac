package dev.astroshell.shell;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.WebClientAstroApi;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.SeedFacts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deployment token update} as a one-shot run (not a REPL, so never a prompt), with the arguments as a user's
 * shell passes them, from a new user's home (no current deployment); the written state is read back from the sandbox.
 */
@ShellTestContext
class TokenUpdateOneShotTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void freshHome() {
		fixture.fresh().withoutDeployment();
	}

	@Test
	void theRoleExampleExitsZeroWithoutPrompting() {
		ShellDriver.Result update = shell.runArguments("deployment", "token", "update", TOKEN_CI_DEPLOY_OLD_ID,
				"--deployment-id", DEPLOYMENT_ETL_PROD_ID, "--role=DEPLOYMENT_ADMIN");
		assertThat(update.err()).isEmpty();
		assertThat(update.exitCode()).isZero();
		assertThat(update.out().lines()).containsExactly(
				"Astro Deployment API token " + SeedFacts.TOKEN_CI_DEPLOY + " was successfully updated",
				"role: " + SeedFacts.ROLE_DEPLOY_BOT + " -> " + SeedFacts.DEPLOYMENT_ADMIN);
		assertThat(readBack(TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(DEPLOYMENT_ETL_PROD_ID))
			.isEqualTo(SeedFacts.DEPLOYMENT_ADMIN);
		assertNoSecret(update);
	}

	@Test
	void withoutRoleTheRoleIsKept() {
		ShellDriver.Result update = shell.runArguments("deployment", "token", "update", "--deployment-id",
				DEPLOYMENT_ETL_PROD_ID, "--name=Équipe données", "--new-name", "Équipe v2");
		assertThat(update.err()).isEmpty();
		assertThat(update.exitCode()).isZero();
		assertThat(update.out().lines()).containsExactly("Astro Deployment API token Équipe v2 was successfully updated",
				"name: " + SeedFacts.TOKEN_EQUIPE + " -> Équipe v2");
		ApiToken after = readBack(TOKEN_EQUIPE_ID);
		assertThat(after.name()).isEqualTo("Équipe v2");
		assertThat(after.deploymentRole(DEPLOYMENT_ETL_PROD_ID)).isEqualTo(SeedFacts.ROLE_DAG_RUNNER);
		assertNoSecret(update);
	}

	@Test
	void noTokenAndNoTerminalExitsTwoNamingTheFlags() {
		ShellDriver.Result update = shell.runArguments("deployment", "token", "update", "--deployment-id",
				DEPLOYMENT_ETL_PROD_ID);
		assertThat(update.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(update.out()).isEmpty();
		assertThat(update.errLines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Error: ").contains("--name", "TOKEN_ID"));
		assertNoSecret(update);
	}

	private static void assertNoSecret(ShellDriver.Result result) {
		assertThat(result.out() + result.err()).doesNotContain("eyJ");
	}

	/** The token as the sandbox holds it now, read behind the shell's back. */
	private ApiToken readBack(String tokenId) {
		AstroProperties.Api settings = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2), Duration.ofSeconds(5),
				1, Duration.ofMillis(10), Duration.ofMillis(10), 100, 1);
		return new WebClientAstroApi(WebClient.builder(), JsonMapper.builder().build(), settings,
				new ApiTarget(fixture.server().baseUrl(), fixture.server().developmentToken()), "astro-shell/test")
			.getToken(ORGANIZATION_ID, tokenId)
			.block();
	}

}
