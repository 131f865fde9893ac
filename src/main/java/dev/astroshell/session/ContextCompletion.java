package dev.astroshell.session;

import java.util.List;
import java.util.TreeSet;

import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** The saved contexts' domains, for {@code context switch}. */
@Component
record ContextCompletion(ConfigStore store) implements Completer {

	@Override
	public List<Proposal> complete(Request request) {
		TreeSet<String> domains = new TreeSet<>(store.load().contexts().keySet());
		domains.add(SessionContext.SANDBOX);
		return domains.stream().map(Proposal::of).toList();
	}

}
