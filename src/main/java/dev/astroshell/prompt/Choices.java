package dev.astroshell.prompt;

import java.util.List;
import java.util.function.Function;

import dev.astroshell.cli.CliException;

/**
 * Finding one item of a list by what the user typed (an ID or an exact name), or by asking. Shared by the switch
 * commands and the token commands so that they all resolve the same way.
 */
public final class Choices {

	private Choices() {
	}

	/**
	 * The item whose ID equals {@code given}, else the one whose name does; several with that name → a selector of
	 * those (interactive) or an error listing their IDs.
	 */
	public static <T> T byIdOrName(Prompter prompter, String kind, String given, List<T> items, Function<T, String> id,
			Function<T, String> name, Function<T, String> label) {
		for (T item : items) {
			if (id.apply(item).equals(given)) {
				return item;
			}
		}
		List<T> named = items.stream().filter(i -> given.equals(name.apply(i))).toList();
		if (named.isEmpty()) {
			throw CliException.usage("no " + kind + " with the ID or name '" + given + "'");
		}
		if (named.size() == 1) {
			return named.get(0);
		}
		if (!prompter.isInteractive()) {
			throw CliException.usage("several " + kind + "s are named '" + given + "'; give one of their IDs: "
					+ String.join(", ", named.stream().map(id).toList()));
		}
		return select(prompter, "Several " + kind + "s are named '" + given + "'; please select one:", named, label, 0);
	}

	/** Asks the user to pick one item; an empty list is an error, not an empty selector. */
	public static <T> T select(Prompter prompter, String title, List<T> items, Function<T, String> label,
			int initial) {
		if (items.isEmpty()) {
			throw CliException.failure("nothing to choose from: " + title);
		}
		int index = prompter.select(title, items.stream().map(label).toList(), initial);
		return items.get(index);
	}
}
