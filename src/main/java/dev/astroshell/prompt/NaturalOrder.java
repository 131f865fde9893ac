package dev.astroshell.prompt;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The order people expect of names: numbers by value ({@code job 6} before {@code job 59}), letters without regard
 * to case or accents ({@code Équipe} next to {@code equipe}); names equal that way fall back to plain string order,
 * so the order is total and stable.
 */
public final class NaturalOrder implements Comparator<String> {

	/** Names in natural order. */
	public static final Comparator<String> NAMES = new NaturalOrder();

	private NaturalOrder() {
	}

	/** Items in the natural order of a name, e.g. {@code NaturalOrder.by(Deployment::name)}. */
	public static <T> Comparator<T> by(Function<T, String> name) {
		return Comparator.comparing(name, Comparator.nullsFirst(NAMES));
	}

	/** Lower case without accents: what filtering and ordering compare ({@code Équipe} → {@code equipe}). */
	public static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

	/** The start the values share, letter case and accents aside, as the first of them writes it. */
	public static String commonStart(List<String> values) {
		String common = null;
		for (String value : values) {
			int length = 0;
			while (common != null && length < Math.min(common.length(), value.length())
					&& fold(common.substring(length, length + 1)).equals(fold(value.substring(length, length + 1)))) {
				length++;
			}
			common = common == null ? value : common.substring(0, length);
		}
		return common == null ? "" : common;
	}

	@Override
	public int compare(String a, String b) {
		String x = fold(a);
		String y = fold(b);
		int i = 0;
		int j = 0;
		while (i < x.length() && j < y.length()) {
			char c = x.charAt(i);
			char d = y.charAt(j);
			if (Character.isDigit(c) && Character.isDigit(d)) {
				int endI = digitsEnd(x, i);
				int endJ = digitsEnd(y, j);
				int byValue = compareNumbers(x.substring(i, endI), y.substring(j, endJ));
				if (byValue != 0) {
					return byValue;
				}
				i = endI;
				j = endJ;
			}
			else {
				if (c != d) {
					return Character.compare(c, d);
				}
				i++;
				j++;
			}
		}
		int byLength = Integer.compare(x.length() - i, y.length() - j);
		return byLength != 0 ? byLength : a.compareTo(b);
	}

	private static int digitsEnd(String s, int from) {
		int end = from;
		while (end < s.length() && Character.isDigit(s.charAt(end))) {
			end++;
		}
		return end;
	}

	/** Any length of digits, by value: without leading zeros, a longer number is larger. */
	private static int compareNumbers(String a, String b) {
		String x = a.replaceFirst("^0+(?=.)", "");
		String y = b.replaceFirst("^0+(?=.)", "");
		return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
	}

}
