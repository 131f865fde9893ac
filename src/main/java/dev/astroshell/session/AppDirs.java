package dev.astroshell.session;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shell keeps its files, following the XDG base directories so that tests and users can isolate
 * everything with {@code XDG_CONFIG_HOME}, {@code XDG_DATA_HOME} and {@code XDG_STATE_HOME} (the log).
 */
public record AppDirs(Path config, Path data, Path state) {

	static final String APP = "astro-shell";

	public static AppDirs fromEnvironment() {
		return from(System.getenv(), System.getProperty("user.home"));
	}

	/** @param userHome Java's {@code user.home}, the home only when {@code HOME} is not an absolute path */
	static AppDirs from(Map<String, String> env, String userHome) {
		String home = absolute(env.get("HOME")) ? env.get("HOME") : userHome;
		return new AppDirs(base(env, "XDG_CONFIG_HOME", home, ".config").resolve(APP),
				base(env, "XDG_DATA_HOME", home, ".local/share").resolve(APP),
				base(env, "XDG_STATE_HOME", home, ".local/state").resolve(APP));
	}

	private static Path base(Map<String, String> env, String variable, String home, String fallback) {
		String value = env.get(variable);
		// the XDG spec: an unset, empty or relative value means the default under $HOME
		return absolute(value) ? Path.of(value) : Path.of(home, fallback);
	}

	private static boolean absolute(String path) {
		return path != null && !path.isBlank() && Path.of(path).isAbsolute();
	}

	public Path configFile() {
		return config.resolve("config.yaml");
	}

	public Path logFile() {
		return state.resolve(APP + ".log");
	}
}
