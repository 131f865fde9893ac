package dev.astroshell.prompt;

import java.util.List;

import dev.astroshell.cli.Renderer;

/**
 * Everything a command may ask the user. Commands never touch the terminal themselves; they check
 * {@link #isInteractive()} first and, when it is false, fail naming the flag that answers the question.
 * A cancelled prompt (Esc, Ctrl-C) throws {@link PromptCancelledException}.
 */
public interface Prompter {

	/** True when a person can answer prompts (a real terminal, not a one-shot run or piped input). */
	boolean isInteractive();

	/**
	 * Lets the user pick one of {@code options} (typing filters them).
	 * @param initial the index selected when the selector opens
	 * @return the index of the chosen option
	 */
	int select(String title, List<String> options, int initial);

	/**
	 * Lets the user pick one row of a table. A terminal too narrow for the rows shortens column {@code shrinkColumn}
	 * first (a description, say), so that the columns that tell rows apart (name, ID) stay whole.
	 * @return the index of the chosen row
	 */
	default int select(String title, List<String[]> rows, int shrinkColumn, int initial) {
		return select(title, Renderer.align(rows), initial);
	}

	/** A yes/no question. */
	boolean confirm(String question, boolean defaultAnswer);

	/**
	 * A yes/no question whose cancel (Esc, Ctrl-C) says {@code canceling}, the line the command prints for no: both
	 * read the same, only the exit code differs (0 for no, 2 for a cancel).
	 */
	default boolean confirm(String question, boolean defaultAnswer, String canceling) {
		try {
			return confirm(question, defaultAnswer);
		}
		catch (PromptCancelledException e) {
			throw new PromptCancelledException(canceling);
		}
	}

	/** A line of text; {@code defaultValue} may be null. */
	String input(String prompt, String defaultValue);

	/** A secret, read with a masked echo and never recorded in the history. */
	String secret(String prompt);
}
