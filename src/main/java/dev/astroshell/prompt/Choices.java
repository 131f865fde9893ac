package dev.astroshell.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.astroshell.cli.CliException;

/**
 * Finding one item of a list by what the user typed (an ID or an exact name), or by asking. Shared by the switch
 * commands and the token commands so that they all resolve the same way.
 */
public final class Choices {

	private static final String CURRENT = "(current)";

	private Choices() {
	}

	/**
	 * The item whose ID equals {@code given}, else the one whose name does; several with that name → a selector of
	 * those (interactive) or an error listing their IDs.
	 */
	public static <T> T byIdOrName(Prompter prompter, Kind<T> kind, String given, List<T> items) {
		List<T> named = withIdOrName(given, items, kind.id(), kind.name());
		if (named.isEmpty()) {
			throw CliException.usage("no " + kind.noun() + " with the ID or name '" + given + "'");
		}
		if (named.size() == 1) {
			return named.get(0);
		}
		if (!prompter.isInteractive()) {
			throw CliException.usage("several " + kind.noun() + "s are named '" + given + "'; give one of their IDs: "
					+ String.join(", ", named.stream().map(kind.id()).toList()));
		}
		return select(prompter, "Several " + kind.noun() + "s are named '" + given + "'; please select one:", named,
				kind.cells(), kind.shrinkColumn(), 0);
	}

	/** The item whose ID equals {@code given}, else those whose name does; never asks. */
	public static <T> List<T> withIdOrName(String given, List<T> items, Function<T, String> id,
			Function<T, String> name) {
		List<T> byId = items.stream().filter(i -> id.apply(i).equals(given)).limit(1).toList();
		return byId.isEmpty() ? items.stream().filter(i -> given.equals(name.apply(i))).toList() : byId;
	}

	/**
	 * Asks the user to pick one item, listed in the {@link NaturalOrder} of their labels; {@code initial} is an index
	 * of {@code items}. An empty list is an error, not an empty selector.
	 */
	public static <T> T select(Prompter prompter, String title, List<T> items, Function<T, String> label,
			int initial) {
		List<Integer> order = naturalOrder(title, items, label);
		int index = prompter.select(title, order.stream().map(i -> label.apply(items.get(i))).toList(),
				order.indexOf(initial));
		return items.get(order.get(index));
	}

	/**
	 * As {@link #select(Prompter, String, List, Function, int)}, with each item a row of cells; on a narrow terminal
	 * cell {@code shrinkColumn} gives way first, so that the cells that tell the items apart stay whole.
	 */
	public static <T> T select(Prompter prompter, String title, List<T> items, Function<T, String[]> cells,
			int shrinkColumn, int initial) {
		List<Integer> order = naturalOrder(title, items, item -> String.join(" ", cells.apply(item)));
		int index = prompter.select(title, order.stream().map(i -> cells.apply(items.get(i))).toList(), shrinkColumn,
				order.indexOf(initial));
		return items.get(order.get(index));
	}

	/** The indexes of {@code items} in the natural order of their labels. */
	private static <T> List<Integer> naturalOrder(String title, List<T> items, Function<T, String> label) {
		if (items.isEmpty()) {
			throw CliException.failure("nothing to choose from: " + title);
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(i -> label.apply(items.get(i)), NaturalOrder.NAMES));
		return order;
	}

	/**
	 * What a switch command chooses: its noun ({@code workspace}), an item's ID and name, and the cells of its row in
	 * a picker, whose columns line up across the rows; cell {@code shrinkColumn} gives way on a narrow terminal.
	 */
	public record Kind<T>(String noun, Function<T, String> id, Function<T, String> name, Function<T, String[]> cells,
			int shrinkColumn) {

		private String withArticle(String word) {
			return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + word;
		}
	}

	/**
	 * The item a switch command names by ID or exact name (see {@link #byIdOrName}) among {@code items}; with
	 * nothing named, one the user picks among {@code pickable}, the current one selected; in a non-interactive run,
	 * an error asking for the ID or name. Lists are read only when needed.
	 */
	public static <T> T namedOrPicked(Prompter prompter, Kind<T> kind, String given, Supplier<List<T>> items,
			Supplier<List<T>> pickable, String currentId) {
		if (given != null && !given.isBlank()) {
			return byIdOrName(prompter, kind, given.trim(), items.get());
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("missing NAME_OR_ID: give " + kind.withArticle(kind.noun()) + "'s ID or name");
		}
		List<T> list = pickable.get();
		if (list.size() == 1) {
			return list.get(0); // nothing to choose: the one there is
		}
		int initial = Math.max(0, list.stream().map(kind.id()).toList().indexOf(currentId));
		String title = "Select " + kind.withArticle(Character.toUpperCase(kind.noun().charAt(0)) + kind.noun().substring(1));
		return select(prompter, title + ":", list,
				item -> markedIfCurrent(kind.cells().apply(item), kind.id().apply(item).equals(currentId)),
				kind.shrinkColumn(), initial);
	}

	/** A picker's label, with {@code (current)} after the entry the session is on. */
	public static String markedIfCurrent(String label, boolean current) {
		return current ? label + "  " + CURRENT : label;
	}

	/** A picker's row, with {@code (current)} in a column of its own after the entry the session is on. */
	private static String[] markedIfCurrent(String[] cells, boolean current) {
		if (!current) {
			return cells;
		}
		String[] marked = Arrays.copyOf(cells, cells.length + 1);
		marked[cells.length] = CURRENT;
		return marked;
	}
}
