package dev.astroshell.prompt;

import dev.astroshell.shell.CliException;
import dev.astroshell.shell.ExitCodes;

/** The user cancelled a prompt: the command stops, the shell does not. */
public class PromptCancelledException extends CliException {

	public PromptCancelledException() {
		super("cancelled", ExitCodes.USAGE);
	}
}
