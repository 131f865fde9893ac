package dev.astroshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.ScriptedPrompter;

class InProcessSandboxTest {

	@TempDir
	Path dir;

	private final AstroProperties.Sandbox settings = new AstroProperties.Sandbox(0, 8888, FaultInjector.OFF);

	@Test
	void opensNothingUntilAskedThenServesOnARandomLoopbackPort() {
		InProcessSandbox sandbox = new InProcessSandbox(settings, dir.resolve("data"));
		assertThat(dir.resolve("data")).doesNotExist();
		try {
			sandbox.warmUp();
			assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/v1");
			assertThat(sandbox.developmentToken()).isNotBlank();
			assertThat(SandboxHttp.of(sandbox.running()).get("/v1/organizations", sandbox.developmentToken()).status())
				.isEqualTo(200);
		}
		finally {
			sandbox.destroy();
		}
	}

	@Test
	void resetAsksFirstAndARunThatCannotAskMustPassForce() {
		InProcessSandbox sandbox = new InProcessSandbox(settings, dir);
		AstroProperties properties = new AstroProperties(null, settings, false);
		ScriptedPrompter person = new ScriptedPrompter().expectConfirm(SandboxCommands.Reset.QUESTION, false)
			.expectConfirm(SandboxCommands.Reset.QUESTION, true);
		SandboxCommands asked = new SandboxCommands(sandbox, properties, new SandboxCommands.Reset(sandbox, person));
		SandboxCommands oneShot = new SandboxCommands(sandbox, properties,
				new SandboxCommands.Reset(sandbox, new ScriptedPrompter().nonInteractive()));
		try {
			assertThatThrownBy(() -> oneShot.reset(null)).isInstanceOf(NotInteractiveException.class)
				.hasMessageContaining("--force");
			assertThat(asked.reset(null)).isEqualTo(SandboxCommands.Reset.CANCELED);
			assertThat(dir.resolve(SandboxData.DB_FILE)).as("nothing was reset").doesNotExist();

			assertThat(asked.reset(null)).contains("was reset");
			person.verifyAllConsumed();
			assertThat(dir.resolve(SandboxData.DB_FILE)).exists();
		}
		finally {
			sandbox.destroy();
		}
	}

	@Test
	void resetsWithoutAServerAndKeepsFaultsForTheStart() {
		InProcessSandbox sandbox = new InProcessSandbox(settings, dir);
		SandboxCommands commands = new SandboxCommands(sandbox, new AstroProperties(null, settings, false),
				new SandboxCommands.Reset(sandbox, new ScriptedPrompter().nonInteractive()));
		assertThat(commands.reset(true)).contains("reset");
		assertThat(Files.exists(dir.resolve(SandboxData.DB_FILE))).isTrue();

		String shown = commands.faults("200ms", 0.3, "500,503", null, 0.5, "/tokens", "post", null);
		assertThat(shown).contains("latency: 200ms", "error-rate: 0.3", "statuses: 500,503", "lose-answer-rate: 0.5", "paths: /tokens",
				"methods: POST");
		try {
			assertThat(sandbox.running().faults().latency()).isEqualTo(Duration.ofMillis(200));
			assertThat(sandbox.running().faults().loseAnswerRate()).isEqualTo(0.5);
			commands.faults(null, null, null, null, null, null, null, true);
			assertThat(sandbox.running().faults().errorRate()).isZero();
		}
		finally {
			sandbox.destroy();
		}
		assertThatThrownBy(() -> commands.faults(null, 1.5, null, null, null, null, null, null))
			.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.USAGE));
		assertThatThrownBy(() -> commands.faults("soon", null, null, null, null, null, null, null))
			.isInstanceOf(CliException.class);
		assertThatThrownBy(() -> commands.faults(null, null, null, null, 2.0, null, null, null))
			.isInstanceOf(CliException.class);
	}
}
