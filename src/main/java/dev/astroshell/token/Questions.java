package dev.astroshell.token;

import java.util.List;

import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

/**
 * What a write may ask the user, decided once when the command starts: in a run that cannot prompt, every question
 * fails with the line naming the flag that answers it, and nothing below asks the prompter whether it may.
 */
final class Questions {

	private final Prompter prompter;

	private final boolean allowed;

	private Questions(Prompter prompter, boolean allowed) {
		this.prompter = prompter;
		this.allowed = allowed;
	}

	/** The questions of one command, on a prompter that may or may not reach a person. */
	static Questions of(Prompter prompter) {
		return new Questions(prompter, prompter.isInteractive());
	}

	/** Whether a person answers; a question that has a default is skipped when not. */
	boolean allowed() {
		return allowed;
	}

	/** A selector of {@code options}; {@code otherwise}, the error of a run that cannot ask. */
	int select(String title, List<String> options, int initial, String otherwise) {
		require(otherwise);
		return prompter.select(title, options, initial);
	}

	/** A selector of table rows whose column {@code shrinkColumn} gives way on a narrow terminal. */
	int select(String title, List<String[]> rows, int shrinkColumn, int initial, String otherwise) {
		require(otherwise);
		return prompter.select(title, rows, shrinkColumn, initial);
	}

	String input(String prompt, String otherwise) {
		require(otherwise);
		return prompter.input(prompt, null);
	}

	/**
	 * Whether to go ahead: yes with {@code --force}, else the answer to a yes/no question, no by default, whose cancel
	 * says {@code canceling} (the line "no" prints); a run that cannot ask must pass --force.
	 */
	boolean confirmed(boolean force, String question, String verb, String canceling) {
		if (force) {
			return true;
		}
		require("confirmation needed: pass --force to " + verb + " without asking");
		return prompter.confirm(question, false, canceling);
	}

	/** A yes/no question, no by default, whose cancel says {@code canceling}; only for a run that can ask. */
	boolean yesNo(String question, String canceling) {
		return prompter.confirm(question, false, canceling);
	}

	/** Fails with {@code otherwise} in a run that cannot ask: before the reads a question needs. */
	void require(String otherwise) {
		if (!allowed) {
			throw new NotInteractiveException(otherwise);
		}
	}
}
