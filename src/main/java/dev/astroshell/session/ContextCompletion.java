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

	private final AppDirs dirs;

	ContextCompletion(AppDirs dirs) {
		this.dirs = dirs;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		TreeSet<String> domains = new TreeSet<>(new ConfigStore(dirs.configFile()).load().contexts().keySet());
		domains.add(SessionContext.SANDBOX);
		return domains.stream().map(CompletionProposal::new).toList();
	}
}
