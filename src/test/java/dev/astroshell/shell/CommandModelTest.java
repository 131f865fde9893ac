package dev.astroshell.shell;

import java.util.Arrays;
import java.util.List;

import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.Completer;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command model finds each option's and argument's completer at startup, and says when it cannot. */
class CommandModelTest {

	public static class Things {

		@Command(name = "thing show")
		public String show(@Argument(index = 0) @CompletedBy(Known.class) String id,
				@Option(longName = "output") String output) {
			return id;
		}

		@Command(name = "thing drop")
		public String drop(@Argument(index = 0) @CompletedBy(Unregistered.class) String id) {
			return id;
		}
	}

	public static class Known implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return List.of(Proposal.of("t-1"));
		}
	}

	public static class Unregistered implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return List.of();
		}
	}

	@Test
	void eachOptionAndArgumentGetsItsCompleterAndOutputItsFormats() throws Exception {
		try (GenericApplicationContext context = context(Known.class)) {
			CommandModel model = new CommandModel(registry(context, "show"), context);
			CommandModel.Spec show = model.command("thing show");
			assertThat(show.argumentCompleter(0)).isSameAs(context.getBean(Known.class));
			assertThat(show.option("--output").completer().complete(null)).extracting(Completer.Proposal::value)
				.containsExactly("table", "json");
		}
	}

	@Test
	void aCompleterThatIsNoBeanStopsTheStartNamingIt() throws Exception {
		try (GenericApplicationContext context = context(Known.class)) {
			CommandModel model = new CommandModel(registry(context, "drop"), context);
			assertThatThrownBy(model::build).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("@CompletedBy(Unregistered) on ")
				.hasMessageContaining("Things.drop")
				.hasMessageEndingWith("names no single bean; make it a @Component");
		}
	}

	private static GenericApplicationContext context(Class<?> completer) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(Things.class);
		context.registerBean(completer);
		context.refresh();
		return context;
	}

	private static CommandRegistry registry(GenericApplicationContext context, String method) throws Exception {
		CommandRegistry registry = new CommandRegistry();
		CommandFactoryBean factory = new CommandFactoryBean(
				Arrays.stream(Things.class.getMethods()).filter(m -> m.getName().equals(method)).findFirst().orElseThrow());
		factory.setApplicationContext(context);
		registry.registerCommand(factory.getObject());
		return registry;
	}

}
