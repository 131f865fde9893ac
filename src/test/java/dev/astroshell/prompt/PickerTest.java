package dev.astroshell.prompt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
import org.springframework.core.io.ResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.shell.jline.tui.style.TemplateExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	@Autowired
	ResourceLoader resourceLoader;

	@Autowired
	TemplateExecutor templateExecutor;

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
		tty.awaitDisplayed("  no match for 'job 6x'", 100);
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
	void aTerminalThatReportsNoSizeIsTakenAs80By24ByThePickerItself() throws Exception {
		terminal.setSize(new Size(0, 0)); // a pty with no window size, whoever drew before
		List<String[]> rows = List.<String[]>of(new String[] { "Ci Deploy Token", "clvj50ce9uvw53efr4edt2syw",
				"Deploys the DAGs from the CI pipeline to every deployment of the data workspace, nightly" });
		var choice = shell.async(() -> prompter.select("Pick a token:", rows, 2, 0));
		tty.awaitScreen("type to filter");
		assertThat(terminal.getSize()).isEqualTo(new Size(80, 24));
		assertThat(tty.screenAt(80, 24)).contains(
				"> Ci Deploy Token  clvj50ce9uvw53efr4edt2syw  Deploys the DAGs from the CI pip…");
		tty.type("\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isZero();
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

	@Test
	void pageKeysPageAndHomeAndEndJumpInsteadOfCancelling() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63 — type to filter");
		tty.type("\u001b[6~"); // PageDown, as xterm sends it
		tty.awaitDisplayed("11 of 63", 100);
		tty.type("\u001b[6~\u001b[5~"); // PageDown, PageUp
		tty.awaitDisplayed("11 of 63 — type to filter · ↑ 10 more", 100);
		tty.type("\u001b[F"); // End
		tty.awaitDisplayed("63 of 63", 100);
		tty.type("\u001b[6~"); // PageDown at the end stays there, it does not wrap
		tty.type("\u001b[1~"); // Home, as a VT220 sends it
		tty.awaitDisplayed("1 of 63 — type to filter", 100);
		tty.type("\u001b[4~\r"); // End, Enter
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(62);
	}

	@Test
	void anUnboundKeyIsIgnoredAndLeavesNothingTypedBehind() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63 — type to filter");
		tty.type("\u001b[15~\u001b[2~"); // F5, Insert: no binding
		tty.type(shell.key(Capability.key_down) + "\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		var next = shell.async(() -> prompter.input("Name: ", null));
		tty.awaitScreen("Name:");
		tty.type("ci\r");
		assertThat(next.get(10, TimeUnit.SECONDS)).as("no '5~' or '2~' left over").isEqualTo("ci");
	}

	@Test
	void anAnswerThatIsNeitherYesNorNoAsksAgain() throws Exception {
		var answer = shell.async(() -> prompter.confirm("Rotate it?", false));
		tty.awaitScreen("Rotate it? (y/N)");
		tty.type("x\r");
		tty.awaitScreen("type y or n (Esc cancels)");
		assertThat(answer).isNotDone();
		tty.type("y\r");
		assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aLongQuestionIsWrappedAtWordsAndKeepsItsSentencesOnTheirLines() throws Exception {
		terminal.setSize(new Size(60, 30));
		String question = "The Workspace API token CI will lose its role DEPLOYMENT_ADMIN on this Deployment.\n"
				+ "Are you sure you want to remove it from the Deployment?";
		var answer = shell.async(() -> prompter.confirm(question, false));
		tty.awaitScreen("(y/N)");
		tty.type("n\r");
		assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
		tty.awaitScreen(" no");
		List<String> screen = tty.screenAt(60, 30);
		assertThat(screen).allSatisfy(line -> assertThat(line.length()).isLessThan(60));
		assertThat(String.join("\n", screen)).doesNotContain("⏎", "/N)")
			.contains("? The Workspace API token CI will lose its role", "Are you sure you want to remove it from the",
					"Deployment? no");
	}

	@Test
	void noColourDrawsThePickerWithoutColours() throws Exception {
		JLinePrompter plain = new JLinePrompter(terminal, resourceLoader, templateExecutor, mode,
				new MockEnvironment().withProperty("NO_COLOR", "1"));
		var choice = shell.async(() -> plain.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63 — type to filter");
		tty.type("job 6x");
		tty.awaitScreen("no match for 'job 6x'");
		tty.type("\u001b");
		assertThatThrownBy(() -> choice.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(PromptCancelledException.class);
		assertThat(foregrounds(tty.raw())).as("no cyan cursor, grey footer or yellow warning").isEmpty();

		tty.clear();
		var coloured = shell.async(() -> prompter.select("Pick a job:", JOBS, 0));
		tty.awaitScreen("1 of 63 — type to filter");
		tty.type("\r");
		coloured.get(10, TimeUnit.SECONDS);
		assertThat(foregrounds(tty.raw())).as("the same picker with colours").contains("36");
	}

	/** The foreground colours that the terminal was told to use (SGR 30–38 and 90–97). */
	private static List<String> foregrounds(String raw) {
		return Pattern.compile("\u001b\\[([0-9;]*)m")
			.matcher(raw)
			.results()
			.flatMap(m -> Stream.of(m.group(1).split(";")))
			.filter(p -> p.matches("3[0-8]|9[0-7]"))
			.toList();
	}

}
