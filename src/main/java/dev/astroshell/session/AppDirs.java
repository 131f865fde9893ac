package dev.astroshell.session;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shell keeps its files, following the XDG base directories so that tests and users can isolate
 * everything with {@code XDG_CONFIG_HOME} and {@code XDG_DATA_HOME}.
 */
public record AppDirs(Path config, Path data) {

	static final String APP = "astro-shell";

	public static AppDirs fromEnvironment() {
		return from(System.getenv(), System.getProperty("user.home"));
	}

	static AppDirs from(Map<String, String> env, String home) {
		return new AppDirs(base(env, "XDG_CONFIG_HOME", home, ".config").resolve(APP),
				base(env, "XDG_DATA_HOME", home, ".local/share").resolve(APP));
	}

	private static Path base(Map<String, String> env, String variable, String home, String fallback) {
		String value = env.get(variable);
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
