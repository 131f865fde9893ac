package dev.astroshell.prompt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker as drawn on a terminal: where the cursor is in a long list, filtering, no match, a narrow terminal. */
@ShellTestContext
class PickerTest {

	static final List<String> JOBS = IntStream.rangeClosed(1, 63).mapToObj(i -> "job " + i).toList();

	@Autowired
	JLinePrompter prompter;

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellMode mode;

	@Autowired
	Terminal terminal;

	@BeforeEach
	void repl() {
		mode.startRepl();
		tty.clear();
	}

	@AfterEach
	void restore() {
		mode.endRepl();
		terminal.setSize(new Size(100, 30));
	}

	@Test
	void aLongListSaysWhereTheCursorIsAndHowManyMore() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63 — type to filter · ↓ 53 more");
		tty.type(shell.key(Capability.key_down).repeat(11));
		tty.awaitDisplayed("12 of 63 — type to filter · ↑ 2 more · ↓ 51 more", 100);
		tty.type("\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(11);
	}

	@Test
	void filteringIgnoresAccentsAndCaseAndCounts() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a token:",
				List.of("Ci Deploy Token", "Équipe données", "équipe bis", "staging"), 0));
		tty.awaitScreen("staging");
		tty.type("EQU");
		tty.awaitDisplayed("1 of 2 matching 'EQU'", 100);
		tty.type(shell.key(Capability.key_down) + "\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(2);
	}

	@Test
	void enterWithNothingMatchingSaysNoMatchAndTheFilterCanBeEdited() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63");
		tty.type("job 6x");
		tty.awaitDisplayed("0 of 63 match 'job 6x'", 100);
		tty.type("\r");
		tty.awaitDisplayed("no match for 'job 6x': Backspace edits the filter, Esc cancels", 100);
		assertThat(choice).isNotDone();
		tty.type("\u007f\r"); // Backspace: "job 6" matches job 6 and job 60-63
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(5);
	}

	@Test
	void onANarrowTerminalTheTitleStaysAndRowsAreCutNotWrapped() throws Exception {
		terminal.setSize(new Size(60, 30));
		String title = "Please select a role for the Deployment API token:";
		List<String> roles = List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER (current)",
				"Deploy Bot — may deploy DAGs and images to every deployment of the workspace");
		var choice = shell.async(() -> prompter.select(title, roles, 1));
		tty.awaitScreen("DEPLOYMENT_ADMIN");
		tty.awaitScreen("type to filter");
		List<String> screen = tty.screenAt(60, 30);
		assertThat(screen).contains("? " + title, "  DEPLOYMENT_ADMIN", "> DAG_RUNNER (current)",
				"  Deploy Bot — may deploy DAGs and images to every deploym…", "  2 of 3 — type to filter");
		assertThat(screen).allSatisfy(line -> assertThat(line.length()).isLessThan(60));
		tty.type("\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void rowsGiveWayInTheColumnTheCallerNames() throws Exception {
		terminal.setSize(new Size(60, 30));
		List<String[]> rows = List.<String[]>of(
				new String[] { "Ci Deploy Token", "clvj50ce9uvw53efr4edt2syw", "Deploys the DAGs from the CI pipeline" },
				new String[] { "Ci Deploy Token", "clb3wkh5dnsipzz5fk2z9ri19", "Old CI pipeline, kept for the rollback" });
		var choice = shell.async(() -> prompter.select("Pick a token:", rows, 2, 0));
		tty.awaitScreen("type to filter");
		List<String> screen = tty.screenAt(60, 30);
		// 57 columns for a row: the name and the ID whole, the description shortened
		assertThat(screen).contains("> Ci Deploy Token  clvj50ce9uvw53efr4edt2syw  Deploys the…",
				"  Ci Deploy Token  clb3wkh5dnsipzz5fk2z9ri19  Old CI pipel…");
		tty.type(shell.key(Capability.key_down) + "\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void confirmationsEchoYesOrNo() throws Exception {
		var no = shell.async(() -> prompter.confirm("Rotate it?", false));
		tty.awaitScreen("Rotate it? (y/N)");
		tty.type("n\r");
		assertThat(no.get(10, TimeUnit.SECONDS)).isFalse();
		var yes = shell.async(() -> prompter.confirm("Delete it?", false));
		tty.awaitScreen("Delete it? (y/N)");
		tty.type("y\r");
		assertThat(yes.get(10, TimeUnit.SECONDS)).isTrue();
		tty.awaitScreen("? Delete it? yes");
		assertThat(tty.screen()).contains("? Rotate it? no", "? Delete it? yes").doesNotContain("true", "false");
	}

	@Test
	void noAndEscSayTheSameLineWithTheirOwnExitCodes() throws Exception {
		var no = shell.async(() -> shell.run("demo reset"));
		tty.awaitScreen("Reset everything? (y/N)");
		tty.type("n\r");
		ShellDriver.Result answeredNo = no.get(10, TimeUnit.SECONDS);
		assertThat(answeredNo.exitCode()).isZero();
		assertThat(answeredNo.out()).isEqualTo("Canceling the reset" + System.lineSeparator());

		tty.clear();
		var esc = shell.async(() -> shell.run("demo reset"));
		tty.awaitScreen("Reset everything? (y/N)");
		tty.type("\u001b");
		ShellDriver.Result cancelled = esc.get(10, TimeUnit.SECONDS);
		assertThat(cancelled.exitCode()).isEqualTo(2);
		assertThat(cancelled.out()).isEqualTo(answeredNo.out());
		assertThat(cancelled.err()).isEmpty();
	}

}
