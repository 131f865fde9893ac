package dev.astroshell.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPL itself, driven on the virtual terminal: what is typed at its prompt. */
@ShellTestContext
class ReplTest {

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellDriver shell;

	@Autowired
	ShellRunner runner;

	@Autowired
	ShellMode mode;

	@Autowired
	Terminal terminal;

	@AfterEach
	void endRepl() {
		mode.endRepl();
		terminal.setSize(new Size(VirtualTerminal.WIDTH, VirtualTerminal.HEIGHT));
	}

	private CompletableFuture<Integer> startRepl() {
		tty.clear();
		CompletableFuture<Integer> repl = shell.async(() -> {
			runner.repl(); // run() would read a test JVM's stdin as a script
			return runner.getExitCode();
		});
		tty.awaitScreen("> ");
		return repl;
	}

	@Test
	void versionAndHelpWorkAsTheyDoOneShot() throws Exception {
		CompletableFuture<Integer> repl = startRepl();
		tty.type("version\r");
		tty.awaitScreen("astro-shell dev");
		tty.clear();
		tty.type("--version\r");
		tty.awaitScreen("astro-shell dev");
		tty.type("--help\r");
		tty.awaitScreen("deployment token update");
		tty.type("exit\r");
		assertThat(repl.get(10, TimeUnit.SECONDS)).isZero();
		assertThat(tty.screen()).doesNotContain("Error");
	}

	@Test
	void aTerminalThatReportsNoSizeIsTakenAs80By24() throws Exception {
		terminal.setSize(new Size(0, 0));
		CompletableFuture<Integer> repl = startRepl();
		tty.type("version\r");
		tty.awaitScreen("astro-shell dev");
		tty.type("exit\r");
		assertThat(repl.get(10, TimeUnit.SECONDS)).isZero();
		assertThat(terminal.getSize()).isEqualTo(new Size(80, 24));
	}

}
