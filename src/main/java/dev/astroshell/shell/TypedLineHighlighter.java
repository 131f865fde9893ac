package dev.astroshell.shell;

import dev.astroshell.cli.TerminalText;

import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;

import org.springframework.core.env.Environment;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandHighlighter;
import org.springframework.stereotype.Component;

/**
 * Spring Shell's highlighting of the typed command line (it replaces the auto-configured one), off when
 * {@code NO_COLOR} is set to anything non-empty (no-color.org), like every other colour of the shell.
 */
@Component
public class TypedLineHighlighter extends CommandHighlighter {

	private final boolean colour;

	public TypedLineHighlighter(CommandRegistry commandRegistry, Environment environment) {
		super(commandRegistry);
		this.colour = TerminalText.colourEnabled(environment.getProperty("NO_COLOR"));
	}

	@Override
	public AttributedString highlight(LineReader reader, String buffer) {
		return colour ? super.highlight(reader, buffer) : new AttributedString(buffer);
	}
}
