package dev.astroshell.cli;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Proposes the values of one kind for Tab (token IDs of a lookup, roles, deployments, domains…). A command names
 * the completer of an option or argument beside it, with {@link CompletedBy}; the shell's command model finds it at
 * startup and calls it with what the line says so far. A completer that fails proposes nothing.
 */
@FunctionalInterface
public interface Completer {

	List<Proposal> complete(Request request);

	/** For a value that is an ID or a name: each item's ID with its name beside, and its name with its ID beside. */
	static <T> List<Proposal> idsAndNames(List<T> items, Function<T, String> id, Function<T, String> name) {
		return items.stream()
			.flatMap(item -> Stream.of(Proposal.of(id.apply(item)).describedAs(name.apply(item)),
					Proposal.of(name.apply(item)).describedAs(id.apply(item))))
			.toList();
	}

	/**
	 * What the line says so far.
	 * @param word the word being completed, up to the cursor (without the {@code --name=} of an inline value)
	 * @param given the values of the options given before it, by long name
	 * @param arguments the positional arguments given before it
	 * @param command the command's method: its annotations say what a completer may need (the token lookup)
	 */
	record Request(String word, Map<String, String> given, List<String> arguments, AnnotatedElement command) {

		/** The value given for option {@code longName}, else {@code fallback}. */
		public String given(String longName, String fallback) {
			return given.getOrDefault(longName, fallback);
		}
	}

	/**
	 * One value to propose.
	 * @param display what the menu shows (null: the value)
	 * @param complete whether the word is complete once inserted (false for a directory, which goes on)
	 */
	record Proposal(String value, String display, String description, boolean complete) {

		public static Proposal of(String value) {
			return new Proposal(value, null, null, true);
		}

		public Proposal describedAs(String text) {
			return new Proposal(value, display, text, complete);
		}
	}

}
