package dev.astroshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.astroshell.session.SessionChangedEvent;
import dev.astroshell.session.SessionContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The REPL prompt: {@code astro [domain · organization · deployment]> }, or {@code astro [not logged in]> }. Follows
 * {@link SessionChangedEvent}s; no colours when {@code NO_COLOR} is set.
 */
@Component
public class SessionPromptProvider implements PromptProvider {

	private final boolean colour;

	private volatile SessionContext context;

	public SessionPromptProvider(Environment environment) {
		this.colour = !StringUtils.hasLength(environment.getProperty("NO_COLOR"));
	}

	@EventListener
	public void onSessionChanged(SessionChangedEvent event) {
		this.context = event.context();
	}

	@Override
	public AttributedString getPrompt() {
		SessionContext current = context;
		AttributedStringBuilder prompt = new AttributedStringBuilder();
		prompt.append("astro", style(AttributedStyle.BOLD)).append(" [");
		if (current == null || !current.canCallApi()) {
			prompt.append("not logged in", style(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
		}
		else {
			prompt.append(describe(current), style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)));
		}
		return prompt.append("]> ").toAttributedString();
	}

	private static String describe(SessionContext context) {
		List<String> parts = new ArrayList<>();
		parts.add(context.domain());
		if (context.organization() != null) {
			parts.add(context.organization().display());
		}
		if (context.deployment() != null) {
			parts.add(context.deployment().display());
		}
		return String.join(" · ", parts);
	}

	private AttributedStyle style(AttributedStyle style) {
		return colour ? style : AttributedStyle.DEFAULT;
	}

}
