package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A command line's words, as a POSIX shell splits them, for the REPL and scripts (one-shot runs get them split). */
public final class ShellWords {

	/** The program's name, as it is typed at the calling shell. */
	public static final String PROGRAM = "astro-shell";

	private static final Pattern SECRET = Pattern.compile(
			"eyJ[\\w-]*\\.[\\w-]*\\." + "|(^|\\s)--?[\\w-]*(token|password|passwd|secret|api-key)(=|\\s|$)",
			Pattern.CASE_INSENSITIVE);

	private ShellWords() {
	}

	/**
	 * True when the line may hold a secret and must not be remembered: anything JWT-like, and values of
	 * {@code --token}, {@code --password}, {@code --secret} style options.
	 */
	public static boolean mayHoldSecret(String line) {
		return SECRET.matcher(line).find();
	}

	/**
	 * {@code word} as {@link #split} reads it back: as it is, or in double quotes when it holds whitespace, quotes or
	 * backslashes; {@code closed} false leaves the quote open, for a completion the user goes on typing.
	 */
	public static String quote(String word, boolean closed) {
		boolean plain = word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\');
		return plain ? word : "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + (closed ? "\"" : "");
	}

	/**
	 * Splits a line into words like a POSIX shell: whitespace separates words outside quotes; {@code "…"} keeps
	 * everything but unescapes {@code \"} and {@code \\}; {@code '…'} keeps everything; {@code \x} outside quotes is
	 * {@code x}. Quotes may appear inside a word ({@code --name="a b"}) and an empty quoted word is kept.
	 */
	public static List<String> split(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		int start = 0;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					refuseShellSyntax(line.substring(start, i), line);
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				if (!inWord) {
					start = i;
				}
				inWord = true;
				if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '\\' && i + 1 < line.length()) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
		}
		if (quote != 0) {
			throw CliException.usage("missing closing quote (" + quote + ")");
		}
		if (inWord) {
			refuseShellSyntax(line.substring(start), line);
			words.add(word.toString());
		}
		return words;
	}

	/**
	 * A pipe or redirection, as typed unquoted ({@code raw}), is the calling shell's syntax: the REPL has no pipes, and
	 * would otherwise read {@code | jq …} as stray values. Say where it works.
	 */
	private static void refuseShellSyntax(String raw, String line) {
		if (raw.startsWith("|") || raw.equals(">") || raw.equals(">>") || raw.equals("<")) {
			throw CliException.usage("pipes and redirections work one-shot only, from your shell: " + PROGRAM
					+ " " + line.strip());
		}
	}

}
