package dev.astroshell.shell;

import dev.astroshell.cli.HelpText;

import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * {@code clear}, replacing 4.0.1's (disabled in application.properties), which writes its escape sequence to the
 * command's output: there every control character is made visible, so it would print {@code \e[H\e[2J}. This one
 * asks the terminal itself, in the terminal's own sequence (nothing on a dumb terminal).
 */
@Component
public class ClearCommand {

	private final Terminal terminal;

	public ClearCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "clear", group = HelpText.BUILT_IN_GROUP, description = "Clear the screen", help = "clear")
	public void clear() {
		terminal.puts(Capability.clear_screen);
		terminal.flush();
	}
}
