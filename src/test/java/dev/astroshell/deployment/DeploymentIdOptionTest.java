package dev.astroshell.deployment;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.reader.Candidate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --deployment-id} takes a name as {@code deployment switch} does; its proposals; the deployment picker in
 * natural order and on a narrow terminal; {@code deployment list} fitting the terminal.
 */
@ShellTestContext
class DeploymentIdOptionTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture sandbox;

	@Autowired
	Deployments deployments;

	@Autowired
	ShellMode mode;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	Terminal terminal;

	@BeforeEach
	void fresh() {
		sandbox.fresh();
		tty.clear();
	}

	@AfterEach
	void restore() {
		mode.endRepl();
		terminal.setSize(new Size(100, 30));
	}

	@Test
	void aNameWorksWhereAnIdDoes() {
		ShellDriver.Result byName = shell.run("deployment token list --deployment-id etl-staging");
		ShellDriver.Result byId = shell.run("deployment token list --deployment-id " + SandboxSeed.DEPLOYMENT_ETL_STAGING_ID);
		assertThat(byName.exitCode()).isZero();
		assertThat(byName.out()).contains("airflow-sync").isEqualTo(byId.out());
	}

	@Test
	void anIdIsNotLookedUpAndAnUnknownNameIsABadUsage() {
		sandbox.clearRequests();
		assertThat(deployments.resolveId(" " + SandboxSeed.DEPLOYMENT_ML_DEV_ID + " ")).isEqualTo(SandboxSeed.DEPLOYMENT_ML_DEV_ID);
		assertThat(sandbox.requests()).isEmpty();
		ShellDriver.Result unknown = shell.run("deployment token list --deployment-id nope");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.err()).isEqualTo("Error: no deployment with the ID or name 'nope'" + System.lineSeparator());
	}

	@Test
	void proposalsAreIdsAndNames() {
		List<Candidate> proposed = shell.candidates("deployment token list --deployment-id ");
		assertThat(proposed).extracting(Candidate::value)
			.contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID, "etl-prod", SandboxSeed.DEPLOYMENT_ML_DEV_ID, "ml-dev");
		assertThat(proposed).filteredOn(c -> c.value().equals("ml-dev"))
			.singleElement()
			.extracting(Candidate::descr)
			.isEqualTo(SandboxSeed.DEPLOYMENT_ML_DEV_ID);
	}

	@Test
	void theListFitsANarrowTerminalOnlyWhenShownOnIt() {
		terminal.setSize(new Size(60, 30));
		assertThat(shell.run("deployment list --all").out().lines()).anySatisfy(l -> assertThat(l.length()).isGreaterThan(60));
		mode.startRepl();
		String shown = shell.run("deployment list --all").out();
		assertThat(shown.lines()).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(60))
			.anySatisfy(l -> assertThat(l).startsWith("etl-prod").contains("Data En…"))
			.as("the namespace and workspace give way, the ID that tells deployments apart stays whole")
			.anySatisfy(l -> assertThat(l).contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID))
			.contains("(2 columns hidden; widen the terminal or use -o json)");
		assertThat(shell.run("deployment list --all -o json").out()).contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
	}

	@Test
	void thePickerKeepsNameAndIdOnANarrowTerminal() throws Exception {
		sandbox.withoutDeployment();
		terminal.setSize(new Size(60, 30));
		mode.startRepl();
		var run = shell.async(() -> shell.run("deployment switch"));
		tty.awaitScreen("type to filter");
		assertThat(tty.screenAt(60, 30)).contains("? Select a Deployment:")
			.anySatisfy(l -> assertThat(l).startsWith("> etl-prod     " + SandboxSeed.DEPLOYMENT_ETL_PROD_ID).endsWith("…"))
			.allSatisfy(l -> assertThat(l.length()).isLessThan(60));
		tty.type("\r");
		assertThat(run.get(10, TimeUnit.SECONDS).exitCode()).isZero();
	}

}
