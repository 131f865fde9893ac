package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.cli.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's local files, each application started on the home's files. A config.yaml that is not a file to read:
 * a command that needs it fails at once with one line, while help and login work (a named pipe would otherwise block
 * every command, a directory fail them all; --version is answered before the application starts). The log's
 * directory and file are private whatever the umask.
 */
class LocalStateOneShotTest {

	@TempDir
	Path home;

	@Test
	void aDirectoryLetsHelpVersionAndLoginWork() throws Exception {
		Path config = Files.createDirectories(home.resolve("config/astro-shell/config.yaml"));
		try (InProcessApplication app = InProcessApplication.start(home, "help")) {
			assertOneLineFailure(app.run("deployment", "list"), config, "it is a directory, not a regular file");
			assertWorks(app.run("help"));
			assertThat(mode(home.resolve("state/astro-shell"))).isEqualTo("rwx------");
			assertThat(mode(home.resolve("state/astro-shell/astro-shell.log"))).isEqualTo("rw-------");
			ShellDriver.Result login = app.run("login", "sandbox");
			assertWorks(login);
			assertThat(login.out()).contains("Logged in to sandbox", "The damaged config file was kept as ");
		}
		assertThat(config).isRegularFile();
	}

	@Test
	void aNamedPipeBlocksNothing() throws Exception {
		Path config = Files.createDirectories(home.resolve("config/astro-shell")).resolve("config.yaml");
		assertThat(new ProcessBuilder("mkfifo", config.toString()).inheritIO().start().waitFor()).isZero();
		try (InProcessApplication app = InProcessApplication.start(home, "help")) {
			assertOneLineFailure(app.run("deployment", "list"), config,
					"it is a named pipe, socket or device, not a regular file");
			assertWorks(app.run("help"));
		}
	}

	private static void assertOneLineFailure(ShellDriver.Result outcome, Path config, String problem) {
		assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(outcome.err().lines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Error: the config file " + config + " is damaged (" + problem));
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private static void assertWorks(ShellDriver.Result outcome) {
		assertThat(outcome.err()).isEmpty();
		assertThat(outcome.exitCode()).isZero();
	}
}
