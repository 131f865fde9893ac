package dev.astroshell.session;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the shell keeps its files, following the XDG base directories so that tests and users can isolate
 * everything with {@code XDG_CONFIG_HOME} and {@code XDG_DATA_HOME}.
 */
public record AppDirs(Path config, Path data) {

	static final String APP = "astro-shell";

	/** From the XDG variables as {@code variables} gives them (the process environment, or a test's settings). */
	static AppDirs from(UnaryOperator<String> variables, String home) {
		return new AppDirs(base(variables, "XDG_CONFIG_HOME", home, ".config").resolve(APP),
				base(variables, "XDG_DATA_HOME", home, ".local/share").resolve(APP));
	}

	private static Path base(UnaryOperator<String> variables, String variable, String home, String fallback) {
		String value = variables.apply(variable);
		// the XDG spec: an unset, empty or relative value means the default
		if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
			return Path.of(value);
		}
		return Path.of(home, fallback);
	}

	public Path configFile() {
		return config.resolve("config.yaml");
	}
}
