package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

import dev.astroshell.testing.SeedFacts;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_DEV_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_AIRFLOW_SYNC_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_ORG_AUTOMATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_STAGING_SMOKE_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_WORKSPACE_DATA_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab completion of the token commands against the sandbox (values, displays, quoting, the cache), and the real
 * JLine selectors of {@code deployment token update} driven with keys on a virtual terminal.
 */
@ShellTestContext
class TokenCompletionAndSelectorTest {

	static final String TOKENS = "GET /v1/organizations/" + ORGANIZATION_ID + "/tokens";

	static final List<String> ETL_PROD_DEPLOYMENT_TOKENS = List.of(TOKEN_CI_DEPLOY_ID, TOKEN_CI_DEPLOY_OLD_ID,
			TOKEN_EQUIPE_ID);

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	LineReader lineReader;

	@Autowired
	CommandCompleter completer;

	@Autowired
	Parser parser;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	ShellMode mode;

	@Autowired
	Terminal terminal;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		tty.clear();
	}

	@AfterEach
	void endRepl() {
		mode.endRepl();
	}

	// ---- completion: what is offered

	@Test
	void tokenIdsOfTheDeploymentWithNameAndRoleBeside() {
		List<Candidate> candidates = candidates("deployment token update ");
		assertThat(candidates.stream().map(Candidate::value).filter(v -> !v.startsWith("-"))).containsExactlyElementsOf(ETL_PROD_DEPLOYMENT_TOKENS);
		assertThat(candidates).filteredOn(c -> c.value().equals(TOKEN_CI_DEPLOY_OLD_ID))
			.singleElement()
			.satisfies(c -> assertThat(c.descr()).isEqualTo("Ci Deploy Token · Deploy Bot"));
		assertThat(shell.complete("deployment token update ")).contains("--name", "--role", "--deployment-id",
				"--new-name", "--description");
	}

	@Test
	void partlyTypedIdRightAfterTheCommandAfterOptionsAndWithAliases() {
		for (String line : List.of("deployment token update cl", "de to up cl", "deployments token update cl",
				"deployment token update --role DEPLOYMENT_ADMIN cl", "deployment token update -n x --description=y cl",
				"deployment token update --name=\"Ci Deploy Token\" cl")) {
			assertThat(shell.complete(line)).as(line)
				.containsAll(ETL_PROD_DEPLOYMENT_TOKENS)
				.doesNotContain(TOKEN_WORKSPACE_DATA_ID, TOKEN_ORG_AUTOMATION_ID, TOKEN_AIRFLOW_SYNC_ID);
		}
	}

	@Test
	void theDeploymentIdTypedOnTheLineChoosesTheTokens() {
		assertThat(shell.complete("deployment token update --deployment-id " + DEPLOYMENT_ETL_STAGING_ID + " "))
			.contains(TOKEN_AIRFLOW_SYNC_ID, TOKEN_STAGING_SMOKE_ID)
			.doesNotContain(TOKEN_CI_DEPLOY_ID);
		assertThat(shell.complete("deployment token update --deployment-id=" + DEPLOYMENT_ETL_STAGING_ID + " --name "))
			.containsExactly("airflow-sync", "staging smoke tests");
		String before = "deployment token update --name st";
		List<Candidate> namesWithTheDeploymentAfter = new ArrayList<>();
		completer.complete(lineReader, parser.parse(before + " --deployment-id " + DEPLOYMENT_ETL_STAGING_ID,
				before.length(), Parser.ParseContext.COMPLETE), namesWithTheDeploymentAfter);
		assertThat(namesWithTheDeploymentAfter).extracting(Candidate::value)
			.as("an option given after the cursor counts too")
			.containsExactly("airflow-sync", "staging smoke tests");
	}

	@Test
	void namesOnceEachAndOnlyDeploymentScoped() {
		List<String> expected = List.of("Ci Deploy Token", "Équipe données");
		assertThat(shell.complete("deployment token update --name ")).containsExactlyElementsOf(expected);
		assertThat(shell.complete("deployment token update -t ")).containsExactlyElementsOf(expected);
		assertThat(shell.complete("deployment token update --name \"Ci")).containsExactlyElementsOf(expected);
		assertThat(shell.complete("deployment token update --name=Ci")).containsExactly("--name=Ci Deploy Token",
				"--name=Équipe données");
	}

	@Test
	void namesWithSpacesAreInsertedQuoted() throws Exception {
		assertThat(readLineTyping("deployment token update --name \"Ci\t\r"))
			.isEqualTo("deployment token update --name \"Ci Deploy Token\" ");
		assertThat(readLineTyping("deployment token update --name Ci\t\r"))
			.isEqualTo("deployment token update --name \"Ci Deploy Token\" ");
		assertThat(readLineTyping("deployment token update --name É\t\r"))
			.isEqualTo("deployment token update --name \"Équipe données\" ");
		assertThat(readLineTyping("deployment token update clvom\t\r"))
			.isEqualTo("deployment token update " + TOKEN_EQUIPE_ID + " ");
	}

	@Test
	void rolesAndDeploymentIds() {
		assertThat(shell.complete("deployment token update --role ")).containsExactly("DEPLOYMENT_ADMIN", "DAG_RUNNER",
				"Deploy Bot");
		assertThat(shell.complete("deployment token update " + TOKEN_CI_DEPLOY_ID + " -r D"))
			.containsExactly("DEPLOYMENT_ADMIN", "DAG_RUNNER", "Deploy Bot");
		List<Candidate> deployments = candidates("deployment token update --deployment-id ");
		assertThat(deployments).extracting(Candidate::value)
			.as("--deployment-id takes an ID or a name, as deployment switch does")
			.containsExactlyInAnyOrder(ETL_PROD, DEPLOYMENT_ETL_STAGING_ID, DEPLOYMENT_ML_DEV_ID, DEPLOYMENT_ML_PROD_ID,
					SeedFacts.ETL_PROD, SeedFacts.ETL_STAGING, SeedFacts.ML_DEV, SeedFacts.ML_PROD);
		assertThat(deployments).filteredOn(c -> c.value().equals(ETL_PROD))
			.singleElement()
			.satisfies(c -> assertThat(c.descr()).isEqualTo("etl-prod"));
		assertThat(deployments).filteredOn(c -> c.value().equals(SeedFacts.ETL_PROD))
			.singleElement()
			.satisfies(c -> assertThat(c.descr()).isEqualTo(ETL_PROD));
	}

	@Test
	void listAndCreateOfferTheirOptions() {
		assertThat(shell.complete("deployment token create --role ")).contains("Deploy Bot");
		assertThat(shell.complete("deployment token list --deployment-id ")).contains(ETL_PROD);
	}

	// ---- completion: the cache

	@Test
	void aSecondTabMakesNoRequest() {
		shell.complete("deployment token update ");
		assertThat(fixture.requests()).containsExactly(TOKENS);
		shell.complete("deployment token update cl");
		shell.complete("deployment token update --name ");
		shell.complete("deployment token update --name \"Ci");
		assertThat(fixture.requests()).as("IDs and names come from the same cached list").containsExactly(TOKENS);

		shell.complete("deployment token update --role ");
		shell.complete("deployment token update --role ");
		assertThat(fixture.requests()).hasSize(2).last().asString().contains("/roles");
	}

	@Test
	void aWriteThroughTheShellInvalidatesTheCache() {
		shell.complete("deployment token update --name ");
		assertThat(shell.run("deployment token update " + TOKEN_EQUIPE_ID + " -n \"Équipe data\" -r DAG_RUNNER")
			.exitCode()).isZero();
		fixture.clearRequests();
		assertThat(shell.complete("deployment token update --name ")).containsExactly("Ci Deploy Token",
				"Équipe data");
		assertThat(fixture.requests()).containsExactly(TOKENS);
	}

	@Test
	void aFailedUpdateStillInvalidatesTheCache() {
		// E4 succeeded and was undone: whatever the outcome, the list may have changed
		shell.complete("deployment token update --name ");
		fixture.server()
			.setFaults(new dev.astroshell.AstroProperties.Faults(java.time.Duration.ZERO, 0, new int[] { 500 }, 0, 1,
					"/roles", "POST"));
		fixture.server().failNext(1, 500);
		assertThat(shell.run("deployment token update " + TOKEN_EQUIPE_ID + " -n gone -r \"Deploy Bot\"").exitCode())
			.isEqualTo(ExitCodes.FAILURE);
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);
		fixture.clearRequests();
		shell.complete("deployment token update --name ");
		assertThat(fixture.requests()).containsExactly(TOKENS);
	}

	@Test
	void aContextChangeInvalidatesTheCache() {
		assertThat(shell.complete("deployment token update ")).contains(TOKEN_CI_DEPLOY_ID);
		assertThat(shell.run("deployment switch etl-staging").exitCode()).isZero();
		fixture.clearRequests();
		assertThat(shell.complete("deployment token update ")).contains(TOKEN_AIRFLOW_SYNC_ID)
			.doesNotContain(TOKEN_CI_DEPLOY_ID);
		assertThat(shell.run("deployment switch etl-prod").exitCode()).isZero();
		fixture.clearRequests();
		assertThat(shell.complete("deployment token update ")).contains(TOKEN_CI_DEPLOY_ID);
		assertThat(fixture.requests()).as("the switch dropped the cached etl-prod list").containsExactly(TOKENS);
	}

	// ---- the selectors on a terminal

	@Test
	void tokenThenRoleSelectorWithArrowsAndEnter() throws Exception {
		mode.startRepl();
		var result = shell.async(() -> shell.run("deployment token update"));
		tty.awaitScreen("Please select the Deployment API token:");
		tty.awaitScreen(TOKEN_EQUIPE_ID);
		assertThat(tty.screen()).contains(TOKEN_CI_DEPLOY_ID, TOKEN_CI_DEPLOY_OLD_ID, "Old CI pipeline");
		tty.clear();
		tty.type(shell.key(Capability.key_down) + "\r");
		tty.awaitScreen("Role of `Ci Deploy Token` (Deployment API token) on etl-prod");
		tty.awaitScreen("Deploy Bot (current)");
		tty.type(shell.key(Capability.key_up) + "\r");

		ShellDriver.Result r = result.get(10, TimeUnit.SECONDS);
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).contains("Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: Deploy Bot -> DAG_RUNNER");
		assertThat(read(TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(ETL_PROD)).isEqualTo("DAG_RUNNER");
		assertThat(read(TOKEN_CI_DEPLOY_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	@Test
	void typingFiltersAndEnterOnTheRoleKeepsIt() throws Exception {
		mode.startRepl();
		var result = shell.async(() -> shell.run("deployment token update"));
		tty.awaitScreen(TOKEN_EQUIPE_ID);
		tty.clear();
		tty.type("quipe\r");
		tty.awaitScreen("DAG_RUNNER (current)");
		fixture.clearRequests();
		tty.type("\r");

		ShellDriver.Result r = result.get(10, TimeUnit.SECONDS);
		assertThat(r.out().lines()).containsExactly("Astro Deployment API token Équipe données: nothing to change");
		assertThat(fixture.requests()).as("Enter on the current role changes nothing: no write").isEmpty();
	}

	@Test
	void escCancelsTheCommandNotTheShell() throws Exception {
		mode.startRepl();
		var result = shell.async(() -> shell.run("deployment token update"));
		tty.awaitScreen(TOKEN_EQUIPE_ID);
		tty.type("\u001b");
		ShellDriver.Result r = result.get(10, TimeUnit.SECONDS);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo("Error: cancelled" + System.lineSeparator());
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));

		tty.clear();
		var second = shell.async(() -> shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID));
		tty.awaitScreen("DEPLOYMENT_ADMIN (current)");
		tty.type("\u001b");
		assertThat(second.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
		assertThat(shell.run("deployment token list").exitCode()).as("the shell goes on").isZero();
	}

	@Test
	void ctrlCCancelsTheRoleSelector() throws Exception {
		mode.startRepl();
		var result = shell.async(() -> shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID));
		tty.awaitScreen("DEPLOYMENT_ADMIN (current)");
		terminal.raise(Terminal.Signal.INT);
		ShellDriver.Result r = result.get(10, TimeUnit.SECONDS);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
	}

	// ---- helpers

	private List<Candidate> candidates(String line) {
		List<Candidate> candidates = new ArrayList<>();
		completer.complete(lineReader, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
		return candidates;
	}

	private String readLineTyping(String keys) throws Exception {
		tty.clear();
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type(keys);
		return line.get(10, TimeUnit.SECONDS);
	}

	private ApiToken read(String id) {
		return session.api().getToken(SandboxSeed.ORGANIZATION_ID, id).block();
	}

}
