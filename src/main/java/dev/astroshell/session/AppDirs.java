package dev.astroshell.session;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the shell keeps its files, following the XDG base directories so that tests and users can isolate
 * everything with {@code XDG_CONFIG_HOME}, {@code XDG_DATA_HOME} and {@code XDG_STATE_HOME} (the log).
 */
public record AppDirs(Path config, Path data, Path state) {

	static final String APP = "astro-shell";

	/**
	 * From {@code HOME} and the XDG variables as {@code variables} gives them (the process environment, or a test's
	 * settings).
	 * @param userHome Java's {@code user.home}, the home only when {@code HOME} is not an absolute path
	 */
	static AppDirs from(UnaryOperator<String> variables, String userHome) {
		String home = absolute(variables.apply("HOME")) ? variables.apply("HOME") : userHome;
		return new AppDirs(base(variables, "XDG_CONFIG_HOME", home, ".config").resolve(APP),
				base(variables, "XDG_DATA_HOME", home, ".local/share").resolve(APP),
				base(variables, "XDG_STATE_HOME", home, ".local/state").resolve(APP));
	}

	private static Path base(UnaryOperator<String> variables, String variable, String home, String fallback) {
		String value = variables.apply(variable);
		// the XDG spec: an unset, empty or relative value means the default under $HOME
		return absolute(value) ? Path.of(value) : Path.of(home, fallback);
	}

	private static boolean absolute(String path) {
		return path != null && !path.isBlank() && Path.of(path).isAbsolute();
	}

	/** A path as the user typed it: a leading {@code ~/} is the home, as a shell would expand it. */
	static Path typedPath(String typed) {
		return Path.of(typed.replaceFirst("^~(?=/)", System.getProperty("user.home")));
	}

	public Path configFile() {
		return config.resolve("config.yaml");
	}

	public Path logFile() {
		return state.resolve(APP + ".log");
	}
}
