package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Progress;
import dev.astroshell.testing.RequestGate;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The progress line of slow API waits on a terminal, against the sandbox, with the requests held by the
 * {@link RequestGate} while the test looks (or slowed by injected latency where a line must not show): what it says,
 * that it is gone when the wait ends (or is interrupted), and where it never shows (JSON output, an open picker); and
 * the hint of a slow Tab. Both show at once in this context (DailyCompletionTest has a quick Tab, which shows none).
 */
@WaitsShownTestContext
class ProgressLineTest {

	static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	ShellMode mode;

	@Autowired
	ShellRunner runner;

	@Autowired
	Terminal terminal;

	@Autowired
	TerminalProgress progress;

	@Autowired
	LineReader lineReader;

	@Autowired
	RequestGate gate;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		mode.startRepl();
		tty.clear();
	}

	@AfterEach
	void endRepl() {
		gate.release();
		fixture.fresh();
		mode.endRepl();
	}

	@Test
	void aSlowUpdateSaysWhatItWaitsForAndLeavesNothingBehind() throws Exception {
		gate.hold("POST"); // the writes: the line is up until they go, and the reads are quick
		var update = shell.async(() -> shell.run("deployment token update " + TOKEN_EQUIPE_ID + " -n renamed -r DAG_RUNNER"));
		tty.awaitScreen("updating token…");
		assertThat(tty.visible()).matches("[" + SPINNER + "] updating token…");
		gate.release();

		ShellDriver.Result result = update.get(20, TimeUnit.SECONDS);
		assertThat(result.out()).contains("successfully updated");
		awaitBlankScreen();
	}

	@Test
	void aLoginShowsItsWaitsToo(@TempDir Path dir) throws Exception {
		Path tokenFile = Files.writeString(dir.resolve("token"), fixture.server().developmentToken());
		gate.hold();
		var login = shell.async(() -> shell
			.run("login localhost:" + fixture.server().baseUrl().getPort() + " --token-file " + tokenFile));
		tty.awaitScreen("fetching organization…");
		gate.release();
		assertThat(login.get(20, TimeUnit.SECONDS).exitCode()).isZero();
		awaitBlankScreen();
	}

	@Test
	void ctrlCStopsTheWaitClearsTheLineAndTheShellGoesOn() throws Exception {
		gate.hold();
		CompletableFuture<Void> repl = CompletableFuture.runAsync(runner::repl);
		tty.awaitScreen("etl-prod]> ");
		tty.clear();
		tty.type("deployment token list\r");
		tty.awaitScreen("fetching tokens of etl-prod…");
		// the virtual pty is nobody's controlling terminal, so a typed ^C raises no SIGINT: raise it as the OS would
		terminal.raise(Terminal.Signal.INT);
		tty.awaitScreen("Error: interrupted");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tty.visible()).as("the line gave way to the error and a fresh prompt")
				.isEqualTo("deployment token list\nError: interrupted\nastro [sandbox · Sandbox Org · etl-prod]>"));

		gate.release();
		tty.type("deployment token list\r");
		tty.awaitScreen("Équipe données");
		tty.type("exit\r");
		repl.get(10, TimeUnit.SECONDS);
	}

	@Test
	void ctrlCInAOneShotRunEndsTheWaitTheSameWayWithNoLineLeft() throws Exception {
		mode.endRepl(); // a one-shot run on a terminal: no REPL handler for Ctrl-C, whose default kills the JVM
		gate.hold();
		var list = shell.async(() -> shell.run("deployment token list"));
		tty.awaitScreen("fetching tokens of etl-prod…");
		terminal.raise(Terminal.Signal.INT);
		ShellDriver.Result result = list.get(10, TimeUnit.SECONDS);
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).isEqualTo("Error: interrupted" + System.lineSeparator());
		awaitBlankScreen();
	}

	@Test
	void jsonOutputIsNeverAccompanied() throws Exception {
		// a tick of the line a request, and each command reads pages of two: the line has several ticks to show
		latency(Duration.ofMillis(100));
		for (String line : new String[] { "deployment token list -o json", "deployment token list --json",
				"deployment list --output=JSON" }) {
			ShellDriver.Result result = shell.run(line);
			assertThat(result.exitCode()).as(line).isEqualTo(ExitCodes.OK);
			assertThat(result.out()).as(line).startsWith("[");
			assertThat(tty.raw()).as(line).isEmpty();
		}
		// the same wait for a table shows its line (then Ctrl-C ends it)
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);
		gate.hold();
		var table = shell.async(() -> shell.run("deployment token list -o table"));
		tty.awaitScreen("fetching tokens of etl-prod…");
		terminal.raise(Terminal.Signal.INT);
		table.get(10, TimeUnit.SECONDS);
	}

	@Test
	void theLineIsGoneBeforeAPickerDrawsAndStaysAwayWhileItIsOpen() throws Exception {
		gate.hold();
		var update = shell.async(() -> shell.run("deployment token update"));
		tty.awaitScreen("fetching tokens of etl-prod…");
		gate.release();
		tty.awaitScreen("Please select the Deployment API token:");
		int pickerDrawn = tty.raw().indexOf("Please select");
		assertThat(tty.visible()).doesNotContain("fetching").startsWith("? Please select the Deployment API token:");
		// three ticks of the line, which would each redraw it
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(3))
			.until(() -> tty.raw().substring(pickerDrawn).chars().noneMatch(c -> SPINNER.indexOf(c) >= 0));

		tty.type("\u001b");
		assertThat(update.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void aWaitWhileTheUserTypesGivesTheInputLineBack() throws Exception {
		mode.endRepl();
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type("deployment tok");
		tty.awaitScreen("deployment tok");
		try (Progress.Task task = progress.start("fetching tokens of etl-prod")) {
			tty.awaitScreen("fetching tokens of etl-prod…");
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tty.visible()).isEqualTo("complete> deployment tok"));
		tty.type("en\r");
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("deployment token");
	}

	@Test
	void aSlowTabSaysItIsFetchingAndCtrlCKeepsTheLine() throws Exception {
		gate.hold();
		mode.endRepl();
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		// long enough that JLine would hide a right prompt
		String typed = "deployment switch" + " ".repeat(VirtualTerminal.WIDTH - 40) + "etl";
		tty.type(typed + "\t");
		tty.awaitScreen(ShellCompleter.WAITING_HINT);
		terminal.raise(Terminal.Signal.INT);
		tty.type("-x\r");
		// well before the API answers: the wait was abandoned, the line kept
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo(typed + "-x");
		// the pty hands output over on its own thread: the hint's erasure may still be on its way
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tty.visible()).as("the hint is gone with the wait")
				.doesNotContain(ShellCompleter.WAITING_HINT));
	}

	/** The pty hands output over on its own thread: what the shell wrote last may still be on its way. */
	private void awaitBlankScreen() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tty.visible()).as("the line is erased when the wait ends").isEmpty());
	}

	private void latency(Duration latency) {
		fixture.server().setFaults(new AstroProperties.Faults(latency, 0, new int[] { 500 }, 0, 1, "", ""));
	}

}
