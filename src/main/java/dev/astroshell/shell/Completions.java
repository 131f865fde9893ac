package dev.astroshell.shell;

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

	/** A proposal inserted as the parser will read it back: quoted when it has spaces or quotes. */
	public static CompletionProposal quoted(String value) {
		if (!value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
			return new CompletionProposal(value);
		}
		String escaped = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		return new CompletionProposal(escaped).displayText(value).dontQuote(true);
	}
}
