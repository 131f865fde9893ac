package dev.astroshell.shell;

import org.jline.terminal.Terminal;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.RunMode;
import org.springframework.stereotype.Component;

/**
 * How this run talks to the user. Interactive means the REPL runs, which it does only when a person types at a
 * terminal (even one without cursor control, such as {@code TERM=dumb}): only then may a command prompt. One-shot
 * runs, scripts and piped input are not interactive.
 */
@Component
public class ShellMode implements RunMode {

	private final Terminal terminal;

	private volatile boolean repl;

	private volatile boolean debug;

	public ShellMode(Terminal terminal, AstroProperties properties) {
		this.terminal = terminal;
		this.debug = properties.debug();
	}

	@Override
	public boolean isInteractive() {
		return repl;
	}

	@Override
	public boolean isDebug() {
		return debug;
	}

	/**
	 * The terminal's width when results are shown on it: in the REPL, or a one-shot run whose stdin and stdout are a
	 * terminal; 0 for a dumb terminal, a pipe or a file, whose lines must never be cut.
	 */
	@Override
	public int terminalWidth() {
		boolean onTerminal = repl || RunMode.consoleIsTerminal();
		return onTerminal && !terminal.getType().startsWith(Terminal.TYPE_DUMB) ? terminal.getWidth() : 0;
	}

	/** Called when the REPL starts (and by tests that drive prompts on a virtual terminal). */
	public void startRepl() {
		repl = true;
	}

	/** Called when the REPL ends (and by tests that drove prompts). */
	public void endRepl() {
		repl = false;
	}

	void enableDebug() {
		debug = true;
	}

	/**
	 * True when stdin is not a terminal a person types at (piped or redirected input): then its lines run as a
	 * script. JLine gives a dumb terminal ({@code dumb} or {@code dumb-color}) both then and on a real terminal with
	 * {@code TERM=dumb}; only the console tells them apart.
	 */
	boolean isPipedInput() {
		return terminal.getType().startsWith(Terminal.TYPE_DUMB) && !RunMode.consoleIsTerminal();
	}

}
