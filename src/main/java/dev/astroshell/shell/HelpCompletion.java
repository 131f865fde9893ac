package dev.astroshell.shell;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/** Completes the command words after {@code help}. */
@Component("helpCompletion")
class HelpCompletion implements CompletionProvider {

	/** A provider: the command registry creates this bean while it is itself being created. */
	private final ObjectProvider<CommandCatalog> catalog;

	HelpCompletion(ObjectProvider<CommandCatalog> catalog) {
		this.catalog = catalog;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		List<String> typed = context.getWords().subList(1, Math.max(1, context.getWordIndex()));
		CommandCatalog.Resolution resolution = catalog.getObject().resolve(typed);
		if (resolution.names().size() < typed.size()) {
			return List.of();
		}
		return catalog.getObject().nextWords(resolution.name()).stream().map(CompletionProposal::new).toList();
	}
}
