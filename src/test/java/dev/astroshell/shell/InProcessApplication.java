package dev.astroshell.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.astroshell.AstroShellApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The application started in this JVM as {@code main} starts it, with the command's arguments, on its own home (XDG
 * dirs) and a dumb virtual terminal (stdin not a terminal): for one-shot runs that must start from a home's files. The
 * test runs the command through the runner ({@link #run}), which the test settings keep from running by itself. Each
 * costs a context start: where the home does not matter, use a cached context's {@link ShellDriver#runArguments}.
 */
final class InProcessApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private InProcessApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static InProcessApplication start(Path home, String... arguments) {
		return start(home, Map.of(), arguments);
	}

	/** With {@code settings} too, e.g. {@code astro.sandbox.port}. */
	static InProcessApplication start(Path home, Map<String, String> settings, String... arguments) {
		Map<String, Object> properties = new HashMap<>(settings);
		properties.put("XDG_CONFIG_HOME", home.resolve("config").toString());
		properties.put("XDG_DATA_HOME", home.resolve("data").toString());
		properties.put("XDG_STATE_HOME", home.resolve("state").toString());
		properties.put("test.terminal.type", "dumb");
		StandardEnvironment environment = new StandardEnvironment();
		// first, so that they win over the test JVM's own XDG variables
		environment.getPropertySources().addFirst(new MapPropertySource("home", properties));
		SpringApplication application = new SpringApplication(AstroShellApplication.class,
				VirtualTerminal.Config.class);
		application.setEnvironment(environment);
		application.setAddCommandLineProperties(false);
		return new InProcessApplication(application.run(arguments));
	}

	/** Runs the arguments the application was started with, or others, as {@code main} would. */
	ShellDriver.Result run(String... arguments) {
		return context.getBean(ShellDriver.class).runArguments(arguments);
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
