package dev.astroshell.session;

import java.util.List;
import java.util.TreeSet;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/** Proposes the saved contexts' domains for {@code context switch}. */
@Component("contextCompletion")
class ContextCompletion implements CompletionProvider {

	private final ConfigStore store;

	ContextCompletion(ConfigStore store) {
		this.store = store;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		// a damaged config proposes nothing rather than breaking the line being typed
		return Completions.safely(() -> {
			TreeSet<String> domains = new TreeSet<>(store.load().contexts().keySet());
			domains.add(SessionContext.SANDBOX);
			return domains.stream().map(CompletionProposal::new).toList();
		});
	}
}
