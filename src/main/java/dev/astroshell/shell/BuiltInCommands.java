package dev.astroshell.shell;

import java.util.List;

import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.Completer;
import dev.astroshell.cli.HelpText;
import dev.astroshell.cli.ShellWords;
import dev.astroshell.cli.Suggestions;

import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * The shell's own commands, replacing 4.0.1's (disabled in application.properties):
 * <ul>
 * <li>{@code help} and {@code help <command words>}, from the {@link CommandModel} in the core's {@link HelpText}
 * (4.0.1's lists commands in random order, omits {@code @Argument}s and prints a wrong SYNOPSIS);</li>
 * <li>{@code version};</li>
 * <li>{@code clear}, which asks the terminal itself, in its own sequence (nothing on a dumb terminal): 4.0.1's writes
 * its escape sequence to the command's output, where every control character is made visible.</li>
 * </ul>
 */
@Component
public class BuiltInCommands {

	private final ObjectProvider<CommandModel> model;

	private final Terminal terminal;

	/** A provider: the command registry creates this bean while it is itself being created. */
	public BuiltInCommands(ObjectProvider<CommandModel> model, Terminal terminal) {
		this.model = model;
		this.terminal = terminal;
	}

	@Command(name = "help", alias = { "--help", "-h" }, group = HelpText.BUILT_IN_GROUP,
			description = "List the commands, or show one command's options, arguments and examples",
			help = """
					help
					help deployment token update
					deployment token update --help""")
	public String help(@Arguments @CompletedBy(Topics.class) List<String> command) {
		CommandModel commands = model.getObject();
		if (command == null || command.isEmpty()) {
			return text().index(commands.commands()).stripTrailing();
		}
		CommandModel.Resolution resolution = commands.resolve(command);
		if (resolution.names().size() < command.size()) {
			throw CliException.usage("unknown command '" + String.join(" ", command) + "'" + Suggestions
				.didYouMean(commands.names().correction(command).map(c -> "help " + c), "; try 'help'"));
		}
		String name = resolution.name();
		return (resolution.isGroup() ? text().group(name, commands.commands())
				: text().command(resolution.command(), commands.names().wordAliases(name))).stripTrailing();
	}

	@Command(name = "version", alias = "--version", group = HelpText.BUILT_IN_GROUP, description = "Show the version",
			help = "version")
	public String version() {
		return ShellWords.PROGRAM + " " + AstroApiFactory.version();
	}

	@Command(name = "clear", group = HelpText.BUILT_IN_GROUP, description = "Clear the screen", help = "clear")
	public void clear() {
		terminal.puts(Capability.clear_screen);
		terminal.flush();
	}

	private HelpText text() {
		return new HelpText(terminal.getWidth());
	}

	/** The help topics: the command words after {@code help}. */
	@Component
	record Topics(CommandModel model) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			CommandModel.Resolution resolution = model.resolve(request.arguments());
			boolean known = resolution.names().size() == request.arguments().size();
			return known ? model.names().nextWords(resolution.name()).stream().map(Proposal::of).toList() : List.of();
		}

	}

}
