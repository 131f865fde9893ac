package dev.astroshell.session;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

import org.springframework.stereotype.Component;

/** {@code context switch} without a domain: a picker of the saved contexts (and the sandbox), the current first. */
@Component
class ContextPicker {

	private final Session session;

	private final ConfigStore store;

	private final Prompter prompter;

	ContextPicker(Session session, ConfigStore store, Prompter prompter) {
		this.session = session;
		this.store = store;
		this.prompter = prompter;
	}

	String pick() {
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("missing DOMAIN: run 'context list' to see the saved contexts");
		}
		List<String> domains = new ArrayList<>(store.load().contexts().keySet());
		if (!domains.contains(SessionContext.SANDBOX)) {
			domains.add(SessionContext.SANDBOX);
		}
		if (domains.size() == 1) {
			return domains.get(0);
		}
		domains.sort(null);
		String current = session.current().domain();
		return Choices.select(prompter, "Select a context:", domains, d -> Choices.markedIfCurrent(d, d.equals(current)),
				Math.max(0, domains.indexOf(current)));
	}
}
