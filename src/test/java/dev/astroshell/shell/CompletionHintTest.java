package dev.astroshell.shell;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.AstroProperties;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab on a slow API says that it is fetching, and Ctrl-C gives up the wait; the hint shows at once in this context
 * (DailyCompletionTest has a quick look-up, which shows none).
 */
@WaitsShownTestContext
class CompletionHintTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	LineReader lineReader;

	@Autowired
	Terminal terminal;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		tty.clear();
	}

	@AfterEach
	void noFaults() {
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);
	}

	@Test
	void aSlowLookUpSaysItIsFetchingAndCtrlCKeepsTheLine() throws Exception {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ofSeconds(20), 0, new int[] { 500 }, 0, 1, "/deployments",
					"GET"));
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type("deployment switch etl\t");
		tty.awaitScreen(ShellCompleter.WAITING_HINT);
		terminal.raise(Terminal.Signal.INT);
		tty.type("-x\r");
		// well before the API answers: the wait was abandoned, the line kept
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("deployment switch etl-x");
	}

}
