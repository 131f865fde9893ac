package dev.astroshell.cli;

/** What a command may do in this run: prompt a person, and show the details of failures. */
public interface RunMode {

	/** True when a person can answer prompts: the REPL on a terminal (a dumb one gets line-based prompts). */
	boolean isInteractive();

	/** True when failures show their stack trace and the API's requestId ({@code --debug} or {@code astro.debug}). */
	boolean isDebug();

	/** The columns of the terminal that results are shown on; 0 when they go elsewhere (a pipe, a file). */
	default int terminalWidth() {
		return 0;
	}

}
