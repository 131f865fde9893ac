package dev.astroshell.shell;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code clear} clears the screen instead of printing its escape sequence made visible. */
@ShellTestContext
class ClearCommandTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Test
	void clearAsksTheTerminalAndPrintsNothing() {
		tty.clear();
		ShellDriver.Result result = shell.run("clear");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).as("nothing goes through the inert output").isBlank();
		assertThat(tty.raw()).as("the terminal's clear-screen sequence").contains("\u001b[2J");
	}
}
