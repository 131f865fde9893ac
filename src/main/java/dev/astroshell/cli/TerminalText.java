package dev.astroshell.cli;

/**
 * Makes text from outside (the API, the config file, what the server echoes back) inert before it reaches a
 * terminal: control characters become visible escapes instead of moving the cursor, recolouring, retitling or
 * clearing the screen, and bidi overrides show instead of reordering what follows them.
 * <ul>
 * <li>{@code ESC} → {@code \e} (so {@code ESC[31m} shows as {@code \e[31m}), {@code BEL} → {@code \a}, {@code BS}
 * → {@code \b}, {@code VT} → {@code \v}, {@code FF} → {@code \f}, a lone {@code CR} → {@code \r}, other C0
 * controls, {@code DEL} and the C1 controls (U+0080–U+009F, e.g. the one-byte CSI) → {@code \x9b};</li>
 * <li>bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) → <code>&#92;u202e</code>;</li>
 * <li>{@link #inert} keeps {@code \n}, {@code \r\n} and {@code \t} (multi-line output); {@link #oneLine} shows a
 * line break as {@code ⏎} and a tab as {@code \t} (a table cell, a picker label, a prompt).</li>
 * </ul>
 * Backslashes are left alone: escaping them would make every ordinary path and regex unreadable, and what matters
 * here is that nothing reaches the terminal as a control.
 */
public final class TerminalText {

	/** Shown for a line break in one-line text. */
	public static final String LINE_BREAK = "⏎";

	private TerminalText() {
	}

	/** Multi-line text made inert: line breaks and tabs stay, every other control shows as an escape. */
	public static String inert(String text) {
		return text == null ? null : escape(text, false);
	}

	/** One-line text made inert: also line breaks become {@code ⏎} and tabs {@code \t}. Null stays null. */
	public static String oneLine(String text) {
		return text == null ? null : escape(text, true);
	}

	private static String escape(String text, boolean oneLine) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isControl(c)) {
				if (out != null) {
					out.append(c);
				}
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
			if (oneLine && (c == '\n' || crlf)) {
				out.append(LINE_BREAK);
				i += crlf ? 1 : 0;
			}
			else if (!oneLine && (c == '\n' || c == '\t')) {
				out.append(c);
			}
			else if (!oneLine && crlf) {
				out.append("\r\n");
				i++;
			}
			else {
				out.append(visible(c));
			}
		}
		return out == null ? text : out.toString();
	}

	/** A character a terminal would obey rather than show: C0, DEL, C1, or a bidi embedding/override/isolate. */
	static boolean isControl(int c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
	}

	private static String visible(char c) {
		return switch (c) {
			case 0x1b -> "\\e";
			case 0x07 -> "\\a";
			case 0x08 -> "\\b";
			case 0x0b -> "\\v";
			case 0x0c -> "\\f";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> c > 0xff ? String.format("\\u%04x", (int) c) : String.format("\\x%02x", (int) c);
		};
	}

	/**
	 * The columns a terminal gives to already inert text: East Asian wide and fullwidth characters (and emoji)
	 * take two, combining marks and zero-width format characters none, everything else one.
	 */
	public static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			width += width(cp);
			i += Character.charCount(cp);
		}
		return width;
	}

	/** The text cut to at most {@code width} columns as shown, ending in an ellipsis, when it is wider; else the text. */
	public static String fit(String text, int width) {
		if (width(text) <= width) {
			return text;
		}
		StringBuilder cut = new StringBuilder();
		int used = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int w = width(cp);
			if (used + w > width - 1) {
				break;
			}
			cut.appendCodePoint(cp);
			used += w;
			i += Character.charCount(cp);
		}
		String kept = cut.toString().stripTrailing(); // "DAGs…", not "DAGs …"
		// a line cut just after a cell already cut ends in one ellipsis, not "Data En……"
		return kept.endsWith("…") ? kept : kept + '…';
	}

	private static int width(int cp) {
		int type = Character.getType(cp);
		if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
				|| (cp >= 0x1160 && cp <= 0x11ff)) {
			return 0; // combining marks, zero-width joiners and Hangul medial vowels/finals join the previous cell
		}
		return isWide(cp) ? 2 : 1;
	}

	/** Markus Kuhn's wcwidth ranges of East Asian Wide (W) and Fullwidth (F) characters, plus the emoji blocks. */
	private static boolean isWide(int cp) {
		return cp >= 0x1100 && (cp <= 0x115f || cp == 0x2329 || cp == 0x232a
				|| (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3)
				|| (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f)
				|| (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
				|| (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f680 && cp <= 0x1f6ff)
				|| (cp >= 0x1f900 && cp <= 0x1faff)
				|| (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd));
	}

	/** False when {@code NO_COLOR} is set to anything non-empty (no-color.org). */
	public static boolean colourEnabled(String noColor) {
		return noColor == null || noColor.isEmpty();
	}

}
