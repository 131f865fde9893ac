package dev.astroshell.prompt;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a text matches what was typed, in a picker's filter and for Tab alike: without regard to case or accents
 * ({@code equ} finds {@code Équipe}), at the start of the text, else at the start of one of its words ({@code runner}
 * finds {@code DAG_RUNNER}, {@code bot} finds {@code Deploy Bot}), else anywhere ({@code quipe}). A picker shows every
 * row that matches; Tab offers the best matches only.
 */
public enum Match {

	/** The text starts with what was typed. */
	PREFIX,
	/** One of the text's words (after a space, {@code _}, {@code -}…) starts with what was typed. */
	WORD,
	/** What was typed is inside the text. */
	INSIDE,
	NONE;

	public static Match of(String text, String typed) {
		String folded = NaturalOrder.fold(text);
		String wanted = NaturalOrder.fold(typed);
		if (folded.startsWith(wanted)) {
			return PREFIX;
		}
		Match found = NONE;
		for (int at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
			if (Character.isLetterOrDigit(folded.charAt(at)) && !Character.isLetterOrDigit(folded.charAt(at - 1))) {
				return WORD;
			}
			found = INSIDE;
		}
		return found;
	}

	/** The items that match best, in their order: Tab's proposals ({@code match}: how an item matches). */
	public static <T> List<T> best(List<T> items, Function<T, Match> match) {
		Map<Match, List<T>> byMatch = items.stream()
			.collect(Collectors.groupingBy(match, () -> new EnumMap<>(Match.class), Collectors.toList()));
		byMatch.remove(NONE);
		return byMatch.isEmpty() ? List.of() : byMatch.values().iterator().next();
	}

	/** Whether {@code text} matches {@code typed} at all. */
	public static boolean matches(String text, String typed) {
		return of(text, typed) != NONE;
	}

}
