package dev.astroshell.shell;

import java.util.List;

import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** The help topics: the command words after {@code help}. */
@Component
class HelpCompletion implements Completer {

	private final CommandModel model;

	HelpCompletion(CommandModel model) {
		this.model = model;
	}

	@Override
	public List<Proposal> complete(Request request) {
		CommandModel.Resolution resolution = model.resolve(request.arguments());
		if (resolution.names().size() < request.arguments().size()) {
			return List.of();
		}
		return model.nextWords(resolution.name()).stream().map(Proposal::of).toList();
	}

}
