package dev.astroshell.token;

import java.util.List;

import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.Waits;

import org.springframework.stereotype.Component;

/**
 * A create or a rename to a name another token on the deployment already has: {@code --name} then finds several, and
 * a script that names the token fails. Asked in a session, no by default; a run that cannot ask goes on and says so on
 * the command's error stream.
 */
@Component
class NameClash {

	static final String CREATE_CANCELED = "Canceling token creation";

	static final String RENAME_CANCELED = "Canceling token update";

	private final Waits waits;

	NameClash(Waits waits) {
		this.waits = waits;
	}

	/**
	 * Whether to go on writing the name {@code name}.
	 * @param tokens the entity's tokens, the token renamed among them or not: it is no namesake of itself
	 * @param selfId the token renamed, null for a create
	 * @param goOn the question's end, e.g. {@code create a second one?}
	 */
	boolean goOn(Questions ask, List<TokenSummary> tokens, String selfId, String name, String placeName,
			String goOn, String canceling) {
		List<String> namesakes = tokens.stream()
			.filter(t -> t.name().equals(name) && !t.id().equals(selfId))
			.map(TokenSummary::id)
			.toList();
		if (namesakes.isEmpty()) {
			return true;
		}
		String warning = "Another token on " + TerminalText.oneLine(placeName) + " is named "
				+ TerminalText.oneLine(name) + " (" + (namesakes.size() == 1 ? "id " : "ids ")
				+ String.join(", ", namesakes) + ")";
		if (!ask.allowed()) {
			waits.warn(warning + "; --name will find several tokens");
			return true;
		}
		return ask.yesNo(warning + "; " + goOn, canceling);
	}
}
