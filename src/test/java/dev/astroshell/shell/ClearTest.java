package dev.astroshell.shell;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code clear} clears the screen instead of printing its escape sequence made visible. */
@ShellTestContext
class ClearTest {

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
		// the virtual tty copies what the terminal wrote on its own thread
		await().atMost(Duration.ofSeconds(10)).until(() -> tty.raw().contains("\u001b[2J"));
	}
}
