package dev.astroshell.cli;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "did you mean …?" for a mistyped command word or option, as cobra offers it for {@code astro}: the one candidate
 * within two edits (a swap of neighbours counts as one), else the one that starts with what was typed, else the one
 * whose last words it is ({@code --name} → {@code --org-token-name}). Ties give no suggestion rather than a guess.
 */
public final class Suggestions {

	private static final int MAX_DISTANCE = 2;

	private Suggestions() {
	}

	/** {@code ; did you mean 'x'?}, ready to append to a message, or the fallback. */
	public static String didYouMean(Optional<String> suggestion, String fallback) {
		return suggestion.map(s -> "; did you mean '" + s + "'?").orElse(fallback);
	}

	/** The one of {@code candidates} that {@code typed} most likely meant. */
	public static Optional<String> closest(String typed, Collection<String> candidates) {
		int nearest = candidates.stream().mapToInt(c -> distance(typed, c)).min().orElse(Integer.MAX_VALUE);
		if (nearest <= MAX_DISTANCE) {
			return unique(candidates.stream().filter(c -> distance(typed, c) == nearest).toList());
		}
		Optional<String> prefix = unique(candidates.stream().filter(c -> c.startsWith(typed)).toList());
		if (prefix.isPresent()) {
			return prefix;
		}
		String bare = typed.replaceFirst("^-+", "");
		return bare.isEmpty() ? Optional.empty()
				: unique(candidates.stream().filter(c -> c.endsWith("-" + bare)).toList());
	}

	private static Optional<String> unique(List<String> matches) {
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	/** Edit distance with transpositions (optimal string alignment). */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
