package dev.astroshell.cli;

import java.io.Console;

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

	/**
	 * Whether a person types at this process's console. Java 22+ always has a Console and asks it isTerminal();
	 * before, a Console exists only on a terminal.
	 */
	static boolean consoleIsTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (NoSuchMethodException e) {
			return true;
		}
		catch (ReflectiveOperationException e) {
			return false;
		}
	}

}
