package dev.astroshell.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before the logging system starts: offers the log file of {@link AppDirs} (the XDG rule, which a property
 * placeholder cannot express) as {@value #LOG_FILE}, and creates the configured log file private, since the logging
 * system would create its directory and file with the umask's modes.
 */
public class LogFileLocation implements EnvironmentPostProcessor {

	/** What {@code logging.file.name} defaults to (application.properties). */
	static final String LOG_FILE = "astro-shell.log-file";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		AppDirs dirs = AppDirs.from(environment::getProperty, System.getProperty("user.home"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("astro-shell-dirs", Map.of(LOG_FILE, dirs.logFile().toString())));
		String logFile = environment.getProperty("logging.file.name");
		if (logFile != null && !logFile.isBlank()) {
			try {
				PrivateFiles.createFile(Path.of(logFile));
			}
			catch (IOException | RuntimeException e) {
				// the logging system reports a log it cannot open; a shell without a log still works
			}
		}
	}
}
