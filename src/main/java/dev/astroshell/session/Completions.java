package dev.astroshell.session;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.shell.core.command.completion.CompletionProposal;

/** Shared rules for completion providers. */
public final class Completions {

	private static final Logger log = LoggerFactory.getLogger(Completions.class);

	private Completions() {
	}

	/** Tab must never print an error or break the line being typed: a failed look-up proposes nothing. */
	public static List<CompletionProposal> safely(Supplier<List<CompletionProposal>> proposals) {
		try {
			return proposals.get();
		}
		catch (RuntimeException e) {
			log.debug("completion look-up failed: {}", e.getMessage());
			return List.of();
		}
	}
}
