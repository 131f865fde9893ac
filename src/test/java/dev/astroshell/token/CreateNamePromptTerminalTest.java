package dev.astroshell.token;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** create's name prompt drawn by the real JLine prompter on a virtual terminal, answered by keys. */
@ShellTestContext
class CreateNamePromptTerminalTest {

	static final String PROMPT = CreateToken.NAME_PROMPT.strip();

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellMode mode;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void repl() {
		fixture.fresh();
		mode.startRepl();
		tty.clear();
	}

	@AfterEach
	void endRepl() {
		mode.endRepl();
	}

	@Test
	void theTypedNameIsEchoedAfterOneSpace() throws Exception {
		var result = shell.async(() -> shell.run("deployment token create"));
		tty.awaitScreen(PROMPT);
		tty.type("Typed name\r");
		tty.awaitScreen("Role of `Typed name`");
		tty.type("\u001b");
		Result r = result.get(10, TimeUnit.SECONDS);

		assertThat(r.exitCode()).as("Esc at the role selector cancels").isEqualTo(ExitCodes.USAGE);
		assertThat(tty.screen()).contains(PROMPT + " Typed name").doesNotContain(PROMPT + "  ");
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
	}
}
