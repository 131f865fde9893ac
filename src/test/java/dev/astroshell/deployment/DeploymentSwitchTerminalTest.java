package dev.astroshell.deployment;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.SeedFacts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deployment switch} as a user drives it: the selector with arrow keys, and Tab. */
@ShellTestContext
class DeploymentSwitchTerminalTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellMode mode;

	@Autowired
	SandboxFixture sandbox;

	@Autowired
	Session session;

	@BeforeEach
	void start() {
		sandbox.fresh().withoutDeployment();
		mode.startRepl();
		tty.clear();
	}

	@AfterEach
	void stop() {
		mode.endRepl();
	}

	@Test
	void theSelectorSwitchesToTheDeploymentChosenWithTheArrowKeys() throws Exception {
		var run = shell.async(() -> shell.run("deployment switch"));
		tty.awaitScreen(SeedFacts.ETL_STAGING);
		// Data Engineering's deployments, by name: ETL_PROD, ETL_STAGING
		tty.type(shell.key(Capability.key_down) + "\r");
		ShellDriver.Result result = run.get(10, TimeUnit.SECONDS);
		assertThat(result.exitCode()).isZero();
		assertThat(result.out())
			.contains("Current deployment: " + SeedFacts.ETL_STAGING + " (" + SandboxSeed.DEPLOYMENT_ETL_STAGING_ID);
		assertThat(session.current().deployment().id()).isEqualTo(SandboxSeed.DEPLOYMENT_ETL_STAGING_ID);
		assertThat(tty.screen()).contains("Select a Deployment:", SeedFacts.ETL_PROD);
	}

	@Test
	void theSelectorsColumnsLineUpWithTheCurrentOneMarkedInAColumnOfItsOwn() throws Exception {
		sandbox.fresh(); // on etl-prod, whose name is shorter than etl-staging's
		var run = shell.async(() -> shell.run("deployment switch"));
		tty.awaitScreen("type to filter");
		List<String> screen = tty.screenAt(100, 30);
		String prod = row(screen, SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
		String staging = row(screen, SandboxSeed.DEPLOYMENT_ETL_STAGING_ID);
		assertThat(prod.indexOf(SandboxSeed.DEPLOYMENT_ETL_PROD_ID))
			.isEqualTo(staging.indexOf(SandboxSeed.DEPLOYMENT_ETL_STAGING_ID));
		assertThat(prod.indexOf("(" + SandboxSeed.WORKSPACE_DATA_NAME))
			.isEqualTo(staging.indexOf("(" + SandboxSeed.WORKSPACE_DATA_NAME));
		assertThat(prod).endsWith(")  (current)");
		tty.type("\r");
		assertThat(run.get(10, TimeUnit.SECONDS).exitCode()).isZero();
	}

	private static String row(List<String> screen, String id) {
		return screen.stream().filter(line -> line.contains(id)).findFirst().orElseThrow();
	}

	@Test
	void escLeavesTheCurrentDeploymentAsItWas() throws Exception {
		var run = shell.async(() -> shell.run("deployment switch"));
		tty.awaitScreen(SeedFacts.ETL_STAGING);
		tty.type("\u001b");
		ShellDriver.Result result = run.get(10, TimeUnit.SECONDS);
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("cancelled");
		assertThat(session.current().deployment()).isNull();
	}

	@Test
	void tabProposesDeploymentIdsAndNames() {
		assertThat(shell.complete("deployment switch ")).contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID,
				SandboxSeed.DEPLOYMENT_ML_DEV_ID, SeedFacts.ETL_PROD, SeedFacts.ML_DEV);
		assertThat(shell.complete("deployment switch etl")).contains(SeedFacts.ETL_PROD, SeedFacts.ETL_STAGING);
		sandbox.clearRequests();
		shell.complete("deployment switch ");
		assertThat(sandbox.requests()).as("the second Tab is answered from the cache").isEmpty();
	}

	@Test
	void byNameOrIdWithoutPrompting() {
		assertThat(shell.run("deployment switch ml-dev").exitCode()).isZero();
		assertThat(session.current().deployment().id()).isEqualTo(SandboxSeed.DEPLOYMENT_ML_DEV_ID);
		assertThat(session.current().workspace().id()).as("the workspace follows").isEqualTo(SandboxSeed.WORKSPACE_ML_ID);
		ShellDriver.Result unknown = shell.run("deployment switch nope");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.err()).contains("no deployment with the ID or name 'nope'");
		assertThat(session.current().deployment().id()).isEqualTo(SandboxSeed.DEPLOYMENT_ML_DEV_ID);
	}
}
