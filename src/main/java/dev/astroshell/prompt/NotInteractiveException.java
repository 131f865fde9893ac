package dev.astroshell.prompt;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;

/** A prompt was needed in a run that cannot prompt; the message names the flag that answers it. */
public class NotInteractiveException extends CliException {

	public NotInteractiveException(String message) {
		super(message, ExitCodes.USAGE);
	}
}
