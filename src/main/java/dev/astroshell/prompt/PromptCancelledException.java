package dev.astroshell.prompt;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;

/** The user cancelled a prompt: the command stops, the shell does not. */
public class PromptCancelledException extends CliException {

	public PromptCancelledException() {
		super("cancelled", ExitCodes.USAGE);
	}
}
