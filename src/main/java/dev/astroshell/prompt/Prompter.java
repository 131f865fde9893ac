package dev.astroshell.prompt;

import java.util.List;

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

	/** A yes/no question. */
	boolean confirm(String question, boolean defaultAnswer);

	/** A line of text; {@code defaultValue} may be null. */
	String input(String prompt, String defaultValue);

	/** A secret, read with a masked echo and never recorded in the history. */
	String secret(String prompt);
}
