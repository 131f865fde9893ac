package dev.astroshell.shell;

import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;

import dev.astroshell.cli.TerminalText;
import dev.astroshell.session.SessionChangedEvent;
import dev.astroshell.session.SessionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * The REPL prompt: {@code astro [domain · organization · deployment]> }, or {@code astro [not logged in]> }. Follows
 * {@link SessionChangedEvent}s; no colours when {@code NO_COLOR} is set.
 */
@Component
public class SessionPromptProvider implements PromptProvider {

	private final boolean colour;

	private volatile SessionContext context;

	private final ObjectProvider<LineReader> reader;

	public SessionPromptProvider(Environment environment, ObjectProvider<LineReader> reader) {
		this.colour = TerminalText.colourEnabled(environment.getProperty("NO_COLOR"));
		this.reader = reader;
	}

	@EventListener
	public void onSessionChanged(SessionChangedEvent event) {
		this.context = event.context();
		// a change while the user sits at the prompt (the sandbox finishing its start) shows at once, not after Enter
		LineReaderSetup.redrawWhileReading(reader,
				waiting -> waiting.setPrompt(render(getPrompt(), waiting.getTerminal())));
	}

	/** The prompt as {@code terminal} shows it: plain on a dumb one, which would print escape codes as they are. */
	static String render(AttributedString prompt, Terminal terminal) {
		return terminal.getType().startsWith(Terminal.TYPE_DUMB) ? prompt.toString() : prompt.toAnsi(terminal);
	}

	@Override
	public AttributedString getPrompt() {
		SessionContext current = context;
		boolean in = current != null && current.canCallApi();
		return new AttributedStringBuilder().append("astro", style(AttributedStyle.BOLD))
			.append(" [")
			.append(in ? current.whereabouts() : "not logged in",
					style(AttributedStyle.DEFAULT.foreground(in ? AttributedStyle.CYAN : AttributedStyle.YELLOW)))
			.append("]> ")
			.toAttributedString();
	}

	private AttributedStyle style(AttributedStyle style) {
		return colour ? style : AttributedStyle.DEFAULT;
	}

}
