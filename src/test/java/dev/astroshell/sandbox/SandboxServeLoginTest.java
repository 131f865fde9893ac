package dev.astroshell.sandbox;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellExecutor;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code sandbox serve} prints the login command for it, and that command, typed as printed, logs in over HTTP. */
@ScriptedShellTest
class SandboxServeLoginTest {

	@Autowired
	ShellExecutor executor;

	@Autowired
	ShellDriver shell;

	@Autowired
	Session session;

	@Autowired
	SandboxFixture sandbox;

	@AfterEach
	void backToTheInProcessSandbox() {
		sandbox.fresh();
	}

	@Test
	void theThirdLineIsTheLoginCommandWithTheTokenInAFile() throws Exception {
		StringWriter out = new StringWriter();
		Thread serving = new Thread(() -> executor.execute("sandbox serve --port 0",
				ShellExecutor.Streams.of(new PrintWriter(out, true), new PrintWriter(new StringWriter())), null));
		serving.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().lines().count() >= 3);
			List<String> lines = out.toString().lines().toList();
			String token = lines.get(1).substring("Development token: ".length());
			String login = lines.get(2).substring(lines.get(2).indexOf("login "));
			assertThat(login).matches("login localhost:\\d+ --token-file \\S+").doesNotContain(token);

			Result r = shell.run(login);
			assertThat(r.exitCode()).as(r.err()).isZero();
			assertThat(r.out()).contains("Logged in to localhost:");
			assertThat(session.current().baseUrl().toString())
				.isEqualTo("http://" + login.split(" ")[1] + "/v1");
			assertThat(shell.run("deployment list").out()).contains("etl-prod");
		}
		finally {
			serving.interrupt();
			serving.join(10_000);
		}
	}

}
