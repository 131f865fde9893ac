package dev.astroshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AppDirsTest {

	@TempDir
	Path dir;

	@Test
	void absoluteXdgPathsAreUsedAsTheyAre() {
		AppDirs dirs = AppDirs.from(Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "/c", "XDG_DATA_HOME", "/d",
				"XDG_STATE_HOME", "/s")::get, "/java/home");
		assertThat(dirs).isEqualTo(new AppDirs(Path.of("/c/astro-shell"), Path.of("/d/astro-shell"),
				Path.of("/s/astro-shell")));
		assertThat(dirs.logFile()).isEqualTo(Path.of("/s/astro-shell/astro-shell.log"));
	}

	/** The XDG rule: a relative or empty value is ignored, and the default is under $HOME, not Java's user.home. */
	@Test
	void relativeOrEmptyXdgPathsFallBackUnderHome() {
		AppDirs dirs = AppDirs.from(Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "rel/config", "XDG_DATA_HOME", "",
				"XDG_STATE_HOME", "./state")::get, "/java/home");
		assertThat(dirs).isEqualTo(new AppDirs(Path.of("/home/ada/.config/astro-shell"),
				Path.of("/home/ada/.local/share/astro-shell"), Path.of("/home/ada/.local/state/astro-shell")));
	}

	@Test
	void withoutAnAbsoluteHomeJavasUserHomeIsTheHome() {
		assertThat(AppDirs.from(Map.of("HOME", "relative")::get, "/java/home").config())
			.isEqualTo(Path.of("/java/home/.config/astro-shell"));
		assertThat(AppDirs.from(Map.<String, String>of()::get, "/java/home").state())
			.isEqualTo(Path.of("/java/home/.local/state/astro-shell"));
	}

	/** The logging system would create the log's directory and file with the umask's modes. */
	@Test
	void theLogFileIsWhereTheXdgRuleSaysAndPrivate() throws Exception {
		Path home = dir.resolve("home");
		StandardEnvironment environment = environment(Map.of("HOME", home.toString(), "XDG_STATE_HOME", "relative"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("application", Map.of("logging.file.name", "${astro-shell.log-file}")));

		new LogFileLocation().postProcessEnvironment(environment, null);

		Path log = home.resolve(".local/state/astro-shell/astro-shell.log");
		assertThat(environment.getProperty("logging.file.name")).isEqualTo(log.toString());
		assertThat(mode(log)).isEqualTo("rw-------");
		for (Path created = log.getParent(); !created.equals(home); created = created.getParent()) {
			assertThat(mode(created)).as(created.toString()).isEqualTo("rwx------");
		}
	}

	@Test
	void aLogFileSetElsewhereIsCreatedPrivateAndAnExistingOneIsLeftAlone() throws Exception {
		Path log = dir.resolve("logs/mine.log");
		StandardEnvironment environment = environment(Map.of("HOME", dir.toString()));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("system", Map.of("logging.file.name", log.toString())));

		new LogFileLocation().postProcessEnvironment(environment, null);
		assertThat(mode(log)).isEqualTo("rw-------");

		Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
		Files.writeString(log, "earlier lines");
		new LogFileLocation().postProcessEnvironment(environment, null);
		assertThat(mode(log)).isEqualTo("rw-r-----");
		assertThat(log).hasContent("earlier lines");
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		return new StandardEnvironment() {
			@Override
			public Map<String, Object> getSystemEnvironment() {
				return variables;
			}
		};
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}
}
