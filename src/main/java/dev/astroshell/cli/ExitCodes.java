package dev.astroshell.cli;

/** Process exit codes of one-shot runs (docs/commands.md §3). */
public final class ExitCodes {

	public static final int OK = 0;

	/** The API or anything else failed. */
	public static final int FAILURE = 1;

	/** Bad usage, unknown command, or a cancelled prompt. */
	public static final int USAGE = 2;

	/** Not logged in, or the token is invalid or expired. */
	public static final int AUTH = 4;

	private ExitCodes() {
	}
}
