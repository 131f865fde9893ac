package dev.astroshell.shell;

import java.lang.reflect.Method;
import java.util.List;

import dev.astroshell.api.ApiException;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.Completer;
import dev.astroshell.prompt.Prompter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.util.ReflectionUtils;

/**
 * Test-only commands. Not a {@code @Component}: 4.0.1 registers the {@code @Command} methods of every component
 * under {@code dev.astroshell}, so these are registered by {@link Config} only in tests that import it
 * ({@link #registrar} does the same for any other holder class).
 */
public class DemoCommands {

	public static final List<String> WIDGETS = List.of("clock-1", "clone-2", "gear-9");

	public static final List<String> NAMES = List.of("Token one", "Token two", "solo");

	private final Prompter prompter;

	public DemoCommands(Prompter prompter) {
		this.prompter = prompter;
	}

	@Command(name = "demo widget update", alias = { "dm wi up", "demos widget update" }, group = "Demo",
			description = "Update a widget", help = """
					demo widget update clock-1 --name "New name"
					demo widget update --force""")
	public String update(@Argument(index = 0, description = "The widget's ID") @CompletedBy(Widgets.class) String widgetId,
			@Option(longName = "name", shortName = 't', description = "The widget's new name")
			@CompletedBy(Names.class) String name,
			@Option(longName = "count", shortName = 'c', defaultValue = "3", description = "How many") Integer count,
			@Option(longName = "force", shortName = 'f', description = "Do not ask") boolean force) {
		return "id=%s name=%s count=%s force=%s".formatted(widgetId, name, count, force);
	}

	@Command(name = "demo widget create", alias = "dm wi cr", group = "Demo", description = "Create a widget")
	public String create(@Option(longName = "name", required = true, description = "Its name") String name) {
		return "created " + name;
	}

	@Command(name = "demo fail", group = "Demo", description = "Fail in the way asked")
	public void fail(@Option(longName = "kind") @CompletedBy(Failing.class) String kind) {
		switch (kind) {
			case "cli" -> throw new CliException("cli says no", 3);
			case "api401" -> throw new ApiException(ApiException.Kind.HTTP, 401, "Unauthorized", "req-401", null, null);
			case "api" -> throw new ApiException(ApiException.Kind.HTTP, 500, "server said no", "req-500", null, null);
			case "illegal" -> throw new IllegalArgumentException("bad argument");
			default -> throw new IllegalStateException("kaput");
		}
	}

	@Command(name = "demo pick", group = "Demo", description = "Pick a widget")
	public String pick() {
		if (!prompter.isInteractive()) {
			throw CliException.usage("pass a widget ID");
		}
		return "picked " + WIDGETS.get(prompter.select("Pick a widget:", WIDGETS, 0));
	}

	@Command(name = "demo reset", group = "Demo", description = "Confirm, then reset")
	public String reset() {
		return prompter.confirm("Reset everything?", false, "Canceling the reset") ? "reset" : "Canceling the reset";
	}

	/** The widget IDs. */
	public static class Widgets implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return WIDGETS.stream().map(Proposal::of).toList();
		}

	}

	/** The widget names. */
	public static class Names implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return NAMES.stream().map(Proposal::of).toList();
		}

	}

	/** A look-up that fails, as a damaged config or an unreachable API makes one fail. */
	public static class Failing implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			throw new IllegalStateException("the look-up failed");
		}

	}

	/** Registers the {@code @Command} methods of {@code holder} (a bean) in the registry, as 4.0.1 does for components. */
	public static SmartInitializingSingleton registrar(ApplicationContext context, CommandRegistry registry,
			Class<?> holder) {
		return () -> MethodIntrospector
			.selectMethods(holder, (ReflectionUtils.MethodFilter) m -> m.isAnnotationPresent(Command.class))
			.forEach((Method method) -> {
				CommandFactoryBean factory = new CommandFactoryBean(method);
				factory.setApplicationContext(context);
				registry.registerCommand(factory.getObject());
			});
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		DemoCommands demoCommands(Prompter prompter) {
			return new DemoCommands(prompter);
		}

		@Bean
		SmartInitializingSingleton demoCommandsRegistrar(ApplicationContext context, CommandRegistry registry) {
			return registrar(context, registry, DemoCommands.class);
		}

		@Bean
		Widgets demoWidgets() {
			return new Widgets();
		}

		@Bean
		Names demoNames() {
			return new Names();
		}

		@Bean
		Failing demoFailing() {
			return new Failing();
		}

	}

}
