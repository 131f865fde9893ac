package dev.astroshell.token;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rotate's warning and confirmation, and create's name prompt, drawn by the real JLine prompter on a virtual terminal,
 * answered by keys.
 */
@ShellTestContext
class RotateConfirmationTerminalTest {

	static final String EQUIPE = SandboxSeed.TOKEN_EQUIPE_ID;

	static final String QUESTION = "Are you sure you want to rotate the Équipe données API token?";

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
	void yesRotatesAndShowsTheSecretOnce() throws Exception {
		Result r = answer("y\r");
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).startsWith("Astro Deployment API token Équipe données was successfully rotated");
		assertThat(tty.screen()).contains(RotateToken.WARNING, QUESTION);
		assertThat(rotations()).hasSize(1);
	}

	@Test
	void noAndEnterAndEscWriteNothingAndSayTheSame() throws Exception {
		Result no = answer("n\r");
		assertThat(no.exitCode()).isZero();
		assertThat(no.out()).isEqualTo(RotateToken.CANCELED + System.lineSeparator());

		Result enter = answer("\r");
		assertThat(enter.out()).as("the default answer is no").startsWith("Canceling token rotation");

		Result esc = answer("\u001b");
		assertThat(esc.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(esc.out()).as("Esc says what n says").isEqualTo(no.out());
		assertThat(esc.err()).isEmpty();
		assertThat(rotations()).isEmpty();
	}

	@Test
	void createsTypedNameIsEchoedAfterOneSpace() throws Exception {
		String prompt = CreateToken.NAME_PROMPT.strip();
		var result = shell.async(() -> shell.run("deployment token create"));
		tty.awaitScreen(prompt);
		tty.type("Typed name\r");
		tty.awaitScreen("Role of `Typed name`");
		tty.type("\u001b");
		Result r = result.get(10, TimeUnit.SECONDS);

		assertThat(r.exitCode()).as("Esc at the role selector cancels").isEqualTo(ExitCodes.USAGE);
		assertThat(tty.screen()).contains(prompt + " Typed name").doesNotContain(prompt + "  ");
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
	}

	private Result answer(String keys) throws Exception {
		tty.clear();
		var result = shell.async(() -> shell.run("deployment token rotate " + EQUIPE));
		tty.awaitScreen(QUESTION);
		tty.type(keys);
		return result.get(10, TimeUnit.SECONDS);
	}

	private List<String> rotations() {
		return fixture.requests().stream().filter(r -> r.endsWith("/rotate")).toList();
	}
}
