package dev.astroshell.prompt;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prompts as plain lines, for a terminal without cursor control ({@code TERM=dumb}) where the selector cannot be
 * drawn: a numbered list answered by typing a number (as {@code astro} asks), yes/no and text as one line each.
 * End of input (Ctrl-D) or Ctrl-C cancels.
 */
final class LinePrompts {

	/** Reads one line after showing {@code prompt}; null at end of input or on Ctrl-C. */
	@FunctionalInterface
	interface LineSource {

		String readLine(String prompt);

	}

	private final PrintWriter out;

	private final LineSource in;

	LinePrompts(PrintWriter out, LineSource in) {
		this.out = out;
		this.in = in;
	}

	/**
	 * Lists the options numbered from 1 and returns the index of the one whose number is typed; an empty line takes
	 * {@code initial}, as Enter does in the selector of a full terminal (the role marked "(current)", say).
	 */
	int select(String title, List<String> options, int initial) {
		out.println(title);
		for (int i = 0; i < options.size(); i++) {
			out.println("  " + (i + 1) + ". " + options.get(i));
		}
		out.flush();
		int preselected = Math.max(0, Math.min(initial, options.size() - 1));
		while (true) {
			String answer = read("> [" + (preselected + 1) + "] ").strip();
			if (answer.isEmpty()) {
				return preselected;
			}
			if (answer.matches("\\d{1,9}")) {
				int number = Integer.parseInt(answer);
				if (number >= 1 && number <= options.size()) {
					return number - 1;
				}
			}
			out.println("Type a number from 1 to " + options.size() + " (Ctrl-D cancels).");
		}
	}

	boolean confirm(String question, boolean defaultAnswer) {
		while (true) {
			String answer = read(question + (defaultAnswer ? " [Y/n] " : " [y/N] ")).strip().toLowerCase(Locale.ROOT);
			if (answer.isEmpty()) {
				return defaultAnswer;
			}
			if (answer.equals("y") || answer.equals("yes")) {
				return true;
			}
			if (answer.equals("n") || answer.equals("no")) {
				return false;
			}
			out.println("Type y or n (Ctrl-D cancels).");
		}
	}

	String input(String prompt, String defaultValue) {
		String answer = read(defaultValue == null ? prompt : prompt + "[" + defaultValue + "] ");
		return answer.isEmpty() && defaultValue != null ? defaultValue : answer;
	}

	private String read(String prompt) {
		out.flush();
		String line = in.readLine(prompt);
		if (line == null) {
			out.println(); // Ctrl-D leaves the cursor after the prompt
			out.flush();
			throw new PromptCancelledException();
		}
		return line;
	}

}
