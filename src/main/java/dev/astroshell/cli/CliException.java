package dev.astroshell.cli;

/** A failure to report as one line with a given exit code. Its message never contains a secret. */
public class CliException extends RuntimeException {

	private final int exitCode;

	public CliException(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	public CliException(String message, int exitCode, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	public static CliException usage(String message) {
		return new CliException(message, ExitCodes.USAGE);
	}

	public static CliException failure(String message) {
		return new CliException(message, ExitCodes.FAILURE);
	}

	public static CliException auth(String message) {
		return new CliException(message, ExitCodes.AUTH);
	}

	public int exitCode() {
		return exitCode;
	}
}
