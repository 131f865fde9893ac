package dev.astroshell.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.ConfigStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A damaged config.yaml as a user meets it in one-shot runs, each application started on the home's files: every
 * command that needs it fails with one line and leaves it byte for byte; help and login work; login keeps it as
 * config.yaml.broken-<time>, and leaves a config the next start reads.
 */
class DamagedConfigOneShotTest {

	@TempDir
	Path home;

	@Test
	void reportedKeptAndRecoveredByLogin() throws Exception {
		Path configDir = Files.createDirectories(home.resolve("config/astro-shell"));
		Path config = configDir.resolve("config.yaml");
		byte[] damaged = "# my logins\ncurrent-context: astronomer.io\ncontexts:\n  astronomer.io:\n    token: [oops]\n"
			.getBytes(StandardCharsets.UTF_8);
		Files.write(config, damaged);
		Path interrupted = Files.writeString(configDir.resolve(".config-4242.tmp"), "current-context: half");

		try (InProcessApplication app = InProcessApplication.start(home, "deployment", "list")) {
			assertThat(interrupted).as("removed at start").doesNotExist();
			ShellDriver.Result list = app.run("deployment", "list");
			assertThat(list.exitCode()).isEqualTo(ExitCodes.FAILURE);
			assertThat(list.out()).isEmpty();
			assertThat(list.errLines()).containsExactly("Error: the config file " + config + " is damaged (line 5: "
					+ "context astronomer.io: token must be a string, not a list); run 'login sandbox' (or 'login "
					+ "DOMAIN') to start a fresh one, the damaged file is kept as config.yaml.broken-<time>");
			assertThat(Files.readAllBytes(config)).isEqualTo(damaged);

			ShellDriver.Result help = app.run("help");
			assertThat(help.exitCode()).isZero();
			assertThat(help.err()).isEmpty();

			ShellDriver.Result login = app.run("login", "sandbox");
			assertThat(login.err()).isEmpty();
			assertThat(login.exitCode()).isZero();
			Path kept;
			try (Stream<Path> files = Files.list(configDir)) {
				kept = files.filter(p -> p.getFileName().toString().startsWith("config.yaml.broken-"))
					.findFirst()
					.orElseThrow();
			}
			assertThat(kept.getFileName().toString()).matches("config\\.yaml\\.broken-\\d{8}T\\d{6}Z");
			assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
			assertThat(login.out()).contains("Logged in to sandbox", "The damaged config file was kept as " + kept);

			ShellDriver.Result after = app.run("deployment", "list");
			assertThat(after.err()).isEmpty();
			assertThat(after.exitCode()).isZero();
		}
		assertThat(new ConfigStore(config).load().current()).as("what the next start reads").isEqualTo("sandbox");
	}

}
