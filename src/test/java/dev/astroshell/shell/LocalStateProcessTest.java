package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.shell.OneShotProcessTest.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's local files, in child JVMs. A config.yaml that is not a file to read: a command that needs it fails at
 * once with one line, while help, --version and login work (a named pipe would otherwise block every command, a
 * directory fail them all). The log's directory and file are private whatever the umask.
 */
class LocalStateProcessTest {

	@TempDir
	Path home;

	@Test
	void aDirectoryLetsHelpVersionAndLoginWork() throws Exception {
		Path config = Files.createDirectories(home.resolve("config/astro-shell/config.yaml"));
		Path cwd = Files.createDirectories(home.resolve("cwd"));

		assertOneLineFailure(OneShotProcessTest.launch(home, cwd, List.of("deployment", "list")), config,
				"it is a directory, not a regular file");
		assertWorks(OneShotProcessTest.launch(home, cwd, List.of("help")));
		assertThat(mode(home.resolve("state/astro-shell"))).isEqualTo("rwx------");
		assertThat(mode(home.resolve("state/astro-shell/astro-shell.log"))).isEqualTo("rw-------");
		assertWorks(OneShotProcessTest.launch(home, cwd, List.of("--version")));
		Outcome login = OneShotProcessTest.launch(home, cwd, List.of("login", "sandbox"));
		assertWorks(login);
		assertThat(login.out()).contains("Logged in to sandbox", "The damaged config file was kept as ");
		assertThat(config).isRegularFile();
	}

	@Test
	void aNamedPipeBlocksNothing() throws Exception {
		Path config = Files.createDirectories(home.resolve("config/astro-shell")).resolve("config.yaml");
		assertThat(new ProcessBuilder("mkfifo", config.toString()).inheritIO().start().waitFor()).isZero();
		Path cwd = Files.createDirectories(home.resolve("cwd"));

		assertOneLineFailure(OneShotProcessTest.launch(home, cwd, List.of("deployment", "list")), config,
				"it is a named pipe, socket or device, not a regular file");
		assertWorks(OneShotProcessTest.launch(home, cwd, List.of("help")));
	}

	private static void assertOneLineFailure(Outcome outcome, Path config, String problem) {
		assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(outcome.err().lines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Error: the config file " + config + " is damaged (" + problem));
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private static void assertWorks(Outcome outcome) {
		assertThat(outcome.err()).isEmpty();
		assertThat(outcome.exitCode()).isZero();
	}
}
