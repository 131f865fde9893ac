package dev.astroshell.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REPL on a terminal without cursor control ({@code TERM=dumb}): a plain prompt, lines read and run, errors that
 * do not end it, and pickers as numbered lists answered with a number.
 */
@SpringBootTest(properties = "test.terminal.type=dumb")
@Import({ VirtualTerminal.Config.class, SandboxFixture.Config.class })
class DumbTerminalTest {

	@Autowired
	ShellRunner runner;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	SandboxFixture sandbox;

	@Autowired
	Session session;

	@AfterEach
	void fresh() {
		sandbox.fresh();
	}

	@Test
	void theReplSurvivesErrorsAndPicksFromANumberedList() throws Exception {
		sandbox.fresh().withoutDeployment();
		CompletableFuture<Void> repl = CompletableFuture.runAsync(runner::repl);
		tty.awaitScreen("]> ");
		assertThat(tty.screen()).contains("Offline sandbox", "Type 'help' for the commands");
		assertThat(tty.raw()).as("a dumb terminal would print the prompt's colour codes as they are").doesNotContain("\u001b[");

		tty.type("nosuch\n");
		tty.awaitScreen("Error: unknown command 'nosuch'");
		tty.clear();
		tty.type("deployment switch\n");
		tty.awaitScreen("  2. "); // not "> ": the echo of the typed line has it already
		assertThat(tty.screen()).contains("Select a Deployment:", "  1. ", "  2. ");
		tty.type("x\n");
		tty.awaitScreen("Type a number from 1 to");
		String etlProdLine = tty.screen()
			.lines()
			.filter(l -> l.contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID))
			.findFirst()
			.orElseThrow();
		tty.type(etlProdLine.strip().substring(0, etlProdLine.strip().indexOf('.')) + "\n");
		tty.awaitScreen("Current deployment: etl-prod");
		assertThat(session.current().deploymentId()).isEqualTo(SandboxSeed.DEPLOYMENT_ETL_PROD_ID);

		tty.type("exit\n");
		repl.get(10, TimeUnit.SECONDS);
	}

}
