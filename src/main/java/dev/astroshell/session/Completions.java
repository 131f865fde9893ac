package dev.astroshell.session;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

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

	/**
	 * The provider of a command whose positional argument is an item's ID or name (a switch): both are proposed,
	 * each with the other beside it.
	 */
	public static <T> CompletionProvider idsAndNames(Supplier<List<T>> items, Function<T, String> id,
			Function<T, String> name) {
		return context -> context.getCommandOption() != null ? List.of() : safely(() -> items.get()
			.stream()
			.flatMap(item -> Stream.of(new CompletionProposal(id.apply(item)).description(name.apply(item)),
					new CompletionProposal(name.apply(item)).description(id.apply(item))))
			.toList());
	}
}
