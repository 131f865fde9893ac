package dev.astroshell.prompt;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;

/**
 * The user cancelled a prompt: the command stops, the shell does not. Either plain ({@code Error: cancelled}) or
 * in the command's own words ({@code Canceling token rotation}), which are then the whole line.
 */
public class PromptCancelledException extends CliException {

	private final boolean ownWords;

	public PromptCancelledException() {
		super("cancelled", ExitCodes.USAGE);
		this.ownWords = false;
	}

	/** A cancel that the shell reports as {@code line}, e.g. the line the command prints when the answer is no. */
	public PromptCancelledException(String line) {
		super(line, ExitCodes.USAGE);
		this.ownWords = true;
	}

	/** True when the message is the whole line to show, not an error to prefix. */
	public boolean isOwnWords() {
		return ownWords;
	}
}
