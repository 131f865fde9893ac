package dev.astroshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.AstroShellApplication;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.WebClientAstroApi;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
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
 * One-shot runs as the process's arguments give them, through the runner in this JVM on captured streams, from a new
 * user's home (the sandbox, no current deployment): not a REPL, so never a prompt, as with stdin not a terminal.
 * {@link OneShotProcessTest} runs the real {@code main} once.
 */
@ShellTestContext
class OneShotTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void freshHome() {
		fixture.fresh().withoutDeployment();
	}

	@Test
	void helpSucceeds() {
		ShellDriver.Result help = run("help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("AVAILABLE COMMANDS", "help", "quit, exit");
		assertThat(help.err()).isEmpty();
	}

	@Test
	void helpWorksAsTheOnlyArgument() {
		String help = run("help").out();
		for (String argument : List.of("--help", "-h")) {
			ShellDriver.Result outcome = run(argument);
			assertThat(outcome.exitCode()).as(argument + ": " + outcome.err()).isZero();
			assertThat(outcome.out()).as(argument).isEqualTo(help);
		}
	}

	@Test
	void versionIsAnsweredBeforeSpringStarts() {
		PrintStream stdout = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			AstroShellApplication.main(new String[] { "--version" });
		}
		finally {
			System.setOut(stdout);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).matches("astro-shell \\S+\\R");
	}

	@Test
	void usageErrorsAreOneLineOnStderrWithExitCode2() {
		ShellDriver.Result unknown = run("nosuch", "--x");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.errLines()).containsExactly("Error: unknown command 'nosuch'; try 'help'");
		ShellDriver.Result badOption = run("help", "--bogus");
		assertThat(badOption.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(badOption.errLines()).containsExactly("Error: unknown option '--bogus' for 'help'");
	}

	@Test
	void scriptStopsAtTheFirstFailureWithItsExitCode(@TempDir Path dir) throws Exception {
		Path script = Files.writeString(dir.resolve("script.txt"), """
				# a comment, then a blank line

				help
				help --bogus
				help quit
				""");
		ShellDriver.Result outcome = run("@" + script);
		assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(outcome.out()).contains("AVAILABLE COMMANDS").doesNotContain("NAME");
		assertThat(outcome.errLines()).containsExactly("Error: " + script + ":4: unknown option '--bogus' for 'help'");
	}

	@Test
	void aMissingScriptIsAUsageError(@TempDir Path dir) {
		ShellDriver.Result outcome = run("@" + dir.resolve("missing.txt"));
		assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(outcome.errLines()).containsExactly("Error: cannot read script " + dir.resolve("missing.txt"));
	}

	@Test
	void listsAsJsonForScripts() {
		ShellDriver.Result json = run("deployment", "list", "-o", "json");
		assertThat(json.exitCode()).isZero();
		assertThat(JsonMapper.builder().build().readTree(json.out()).findValuesAsString("id"))
			.contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
		assertThat(json.err()).isEmpty();
	}

	@Test
	void apiFailuresExitWith1() {
		ShellDriver.Result failure = run("deployment", "token", "update", "clnosuchtoken00000000000000", "--deployment-id",
				SandboxSeed.DEPLOYMENT_ETL_PROD_ID, "--role", SeedFacts.DEPLOYMENT_ADMIN);
		assertThat(failure.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(failure.errLines()).singleElement()
			.asString()
			.startsWith("Error: no API token with the ID clnosuchtoken00000000000000");
	}

	@Test
	void rotateAndDeleteWithoutForceAndWithoutATerminalExit2NamingForce() {
		for (String verb : List.of("rotate", "delete")) {
			ShellDriver.Result outcome = run("deployment", "token", verb, SandboxSeed.TOKEN_EQUIPE_ID, "--deployment-id",
					SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
			assertThat(outcome.exitCode()).as(verb + ": " + outcome.err()).isEqualTo(ExitCodes.USAGE);
			assertThat(outcome.errLines()).as(verb).singleElement().asString().startsWith("Error: ").contains("--force");
			assertThat(outcome.out()).as(verb).isEmpty();
		}
	}

	// deployment token update, with the arguments as a user's shell passes them; the written state read back

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

	private ShellDriver.Result run(String... arguments) {
		return shell.runArguments(arguments);
	}

}
