package dev.astroshell.shell;

import org.jline.terminal.Terminal;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.RunMode;
import org.springframework.stereotype.Component;

/**
 * How this run talks to the user. Interactive means the REPL runs on a real terminal: only then may a command
 * prompt. One-shot runs, scripts and piped input are not interactive.
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
		return repl && !isDumbTerminal();
	}

	@Override
	public boolean isDebug() {
		return debug;
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

	boolean isDumbTerminal() {
		// "dumb" or "dumb-color": JLine's fallback when stdin or stdout is not a terminal
		return terminal.getType().startsWith(Terminal.TYPE_DUMB);
	}

}
