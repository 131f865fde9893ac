package dev.astroshell.shell;

import java.util.List;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.Completer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code help} and {@code help <command words>}, replacing 4.0.1's (disabled in application.properties). */
@Component
public class HelpCommand {

	private final ObjectProvider<CommandModel> model;

	private final ObjectProvider<HelpRenderer> renderer;

	/** Providers: the command registry creates this bean while it is itself being created. */
	public HelpCommand(ObjectProvider<CommandModel> model, ObjectProvider<HelpRenderer> renderer) {
		this.model = model;
		this.renderer = renderer;
	}

	@Command(name = "help", group = HelpRenderer.BUILT_IN_GROUP,
			description = "List the commands, or show one command's options, arguments and examples",
			help = """
					help
					help deployment token update
					deployment token update --help""")
	public String help(@Arguments @CompletedBy(Topics.class) List<String> command) {
		if (command == null || command.isEmpty()) {
			return renderer.getObject().index().stripTrailing();
		}
		CommandModel.Resolution resolution = model.getObject().resolve(command);
		if (resolution.isUnknown() || resolution.names().size() < command.size()) {
			throw CliException.usage("unknown command '" + String.join(" ", command) + "'" + Suggestions
				.didYouMean(Suggestions.command(model.getObject(), command).map(c -> "help " + c), "; try 'help'"));
		}
		HelpRenderer help = renderer.getObject();
		String text = resolution.isGroup() ? help.group(resolution.name()) : help.command(resolution.command());
		return text.stripTrailing();
	}

	/** The help topics: the command words after {@code help}. */
	@Component
	record Topics(CommandModel model) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			CommandModel.Resolution resolution = model.resolve(request.arguments());
			boolean known = resolution.names().size() == request.arguments().size();
			return known ? model.nextWords(resolution.name()).stream().map(Proposal::of).toList() : List.of();
		}

	}

}
