package dev.astroshell.prompt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ShellTestContext
class JLinePrompterTest {

	static final List<String> OPTIONS = List.of("alpha", "beta", "gamma");

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
	void endRepl() {
		mode.endRepl();
	}

	@Test
	void selectMovesWithArrowsAndReturnsTheIndex() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick one:", OPTIONS, 0));
		tty.awaitScreen("gamma");
		tty.type(shell.key(Capability.key_down) + shell.key(Capability.key_down) + shell.key(Capability.key_up) + "\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(tty.screen()).contains("Pick one:", "alpha");
	}

	@Test
	void titlesLabelsAndQuestionsFromTheApiAreShownInert() throws Exception {
		String evil = "evil \u001b[31mRED\u001b]0;PWNED\u0007\u001b[2J";
		var choice = shell.async(() -> prompter.select("Several named '" + evil + "':", List.of(evil, "two\nlines"), 0));
		tty.awaitScreen("two⏎lines");
		tty.type("\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isZero();
		var answer = shell.async(() -> prompter.confirm("Delete " + evil + "?", false));
		tty.awaitScreen("Delete evil");
		tty.type("y\r");
		assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(tty.screen()).contains("Several named 'evil \\e[31mRED\\e]0;PWNED\\a\\e[2J':",
				"Delete evil \\e[31mRED\\e]0;PWNED\\a\\e[2J?");
		assertThat(tty.raw()).doesNotContain("\u001b]0;", "\u0007", "\u001b[31mRED", "\u001b[2J");
	}

	@Test
	void selectPreselectsInitialAndFiltersOnTyping() throws Exception {
		var initial = shell.async(() -> prompter.select("Pick one:", OPTIONS, 2));
		tty.awaitScreen("gamma");
		tty.type("\r");
		assertThat(initial.get(10, TimeUnit.SECONDS)).isEqualTo(2);

		tty.clear();
		var filtered = shell.async(() -> prompter.select("Pick again:", OPTIONS, 0));
		tty.awaitScreen("gamma");
		tty.type("bet\r");
		assertThat(filtered.get(10, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void escCancelsAndTheTerminalStaysUsable() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick one:", OPTIONS, 0));
		tty.awaitScreen("gamma");
		tty.type("\u001b");
		assertCancelled(choice);
		assertThatConfirmAnswers("y", true);
	}

	@Test
	void ctrlCCancels() throws Exception {
		// the virtual pty is nobody's controlling terminal, so a typed ^C raises no SIGINT: raise it as the OS would
		var choice = shell.async(() -> prompter.select("Pick one:", OPTIONS, 0));
		tty.awaitScreen("gamma");
		terminal.raise(Terminal.Signal.INT);
		assertCancelled(choice);
		assertThatConfirmAnswers("n", false);
	}

	@Test
	void confirmTakesDefaultOnEnter() throws Exception {
		var answer = shell.async(() -> prompter.confirm("Sure?", true));
		tty.awaitScreen("Sure?");
		tty.type("\r");
		assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void inputAndMaskedSecret() throws Exception {
		var name = shell.async(() -> prompter.input("Name:", null));
		tty.awaitScreen("Name:");
		tty.type("Ada L\r");
		assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("Ada L");

		tty.clear();
		var secret = shell.async(() -> prompter.secret("Token:"));
		tty.awaitScreen("Token:");
		tty.type("s3cr3t\r");
		assertThat(secret.get(10, TimeUnit.SECONDS)).isEqualTo("s3cr3t");
		assertThat(tty.screen()).contains("Token:").doesNotContain("s3cr3t");
	}

	@Test
	void escCancelsTextInput() throws Exception {
		var name = shell.async(() -> prompter.input("Name:", "x"));
		tty.awaitScreen("Name:");
		tty.type("ab\u001b");
		assertCancelled(name);
	}

	@Test
	void refusesToPromptWhenNotInteractive() {
		mode.endRepl();
		assertThat(prompter.isInteractive()).isFalse();
		assertThatThrownBy(() -> prompter.confirm("Sure?", true)).isInstanceOf(NotInteractiveException.class);
	}

	@Test
	void aCommandPromptsThroughThePrompter() throws Exception {
		var result = shell.async(() -> shell.run("demo pick"));
		tty.awaitScreen("Pick a widget:");
		tty.type(shell.key(Capability.key_down) + "\r");
		assertThat(result.get(10, TimeUnit.SECONDS).out()).contains("picked clone-2");

		tty.clear();
		var cancelled = shell.async(() -> shell.run("demo pick"));
		tty.awaitScreen("Pick a widget:");
		tty.type("\u001b");
		ShellDriver.Result outcome = cancelled.get(10, TimeUnit.SECONDS);
		assertThat(outcome.exitCode()).isEqualTo(2);
		assertThat(outcome.err()).isEqualTo("Error: cancelled" + System.lineSeparator());
	}

	private void assertThatConfirmAnswers(String key, boolean expected) throws Exception {
		tty.clear();
		var answer = shell.async(() -> prompter.confirm("Sure?", !expected));
		tty.awaitScreen("Sure?");
		tty.type(key + "\r");
		assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
	}

	private static void assertCancelled(CompletableFuture<?> prompt) {
		assertThatThrownBy(() -> prompt.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(PromptCancelledException.class);
	}

}
