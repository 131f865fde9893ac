package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.PlannedRequest;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

/**
 * The words of the writes: their success lines, previews and confirmations. A server's name or description is shown
 * on one line, here and nowhere else, so that a line break in it cannot fake another line; the shell's inert writer
 * takes care of every other control.
 */
final class WriteText {

	private WriteText() {
	}

	/** The line (or lines) a write known done, or not needed, or declined prints. */
	static String of(WriteResult r) {
		if (r.outcome() == Outcome.CANCELED) {
			return switch (r.action()) {
				case ROTATE -> RotateToken.CANCELED;
				case REMOVE -> DeleteToken.REMOVE_CANCELED;
				case CREATE -> NameClash.CREATE_CANCELED;
				case UPDATE -> NameClash.RENAME_CANCELED;
				default -> DeleteToken.CANCELED;
			};
		}
		String named = "Astro " + TokenLookup.label(r.scope()) + " " + oneLine(r.name());
		String notes = r.readBack().stream().map(n -> " (" + n + ")").collect(Collectors.joining());
		return switch (r.action()) {
			case CREATE, ROTATE -> secret(r);
			case DELETE -> named + " was successfully deleted" + notes;
			case REMOVE -> named + " was successfully removed from the " + r.onKind() + notes;
			case UPDATE -> r.changes().isEmpty() && r.readBack().isEmpty() ? named + ": nothing to change"
					: named + " was successfully updated" + notes + lines(r.changes(), "");
			case GRANT -> r.outcome() == Outcome.NO_CHANGE
					? named + ": nothing to change (its role on the " + r.onKind() + " is already " + oneLine(r.role())
							+ ")"
					: named + " was successfully " + (r.changes().get(0).before() == null ? "added to" : "updated on")
							+ " the " + r.onKind() + notes + lines(r.changes(), "");
		};
	}

	/** The one time a secret is shown, with the words around it. */
	private static String secret(WriteResult r) {
		String verb = r.action() == Action.CREATE ? "created" : "rotated";
		return String.join("\n", "Astro " + TokenLookup.label(r.scope()) + " " + oneLine(r.name())
				+ " was successfully " + verb,
				"Copy and paste this API token for your records.", "", r.token(), "",
				"You will not be shown this API token value again.");
	}

	/** What a dry run would change and send; each body as one line of JSON. */
	static String of(Preview p, Function<Object, String> jsonLine) {
		String named = "Astro " + TokenLookup.label(p.scope()) + " " + oneLine(p.name())
				+ (p.id() == null ? "" : " (" + p.id() + ")");
		if (p.requests().isEmpty()) {
			return named + ": nothing to change (dry run: nothing was sent)";
		}
		String entity = p.place() == null ? "" : p.place().family().kind();
		String verb = switch (p.action()) {
			case UPDATE -> "updated";
			case CREATE -> "created";
			case ROTATE -> "rotated: a new secret, the old one stops working at once";
			case DELETE -> "deleted";
			case REMOVE -> "removed from the " + entity;
			case GRANT -> "given a role on the " + entity;
		};
		List<String> lines = new ArrayList<>();
		lines.add(named + " would be " + verb + " (dry run: nothing was sent)");
		String on = p.placeName() == null ? "" : " on " + oneLine(p.placeName());
		lines.add(lines(p.changes(), on).stripLeading());
		for (PlannedRequest request : p.requests()) {
			lines.add(request.method() + " " + request.path()
					+ (request.body() == null ? "" : " " + jsonLine.apply(request.body())));
		}
		return lines.stream().filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
	}

	/** One line per change, each after a line break: {@code role: DEPLOYMENT_ADMIN -> Deploy Bot}. */
	private static String lines(List<Change> changes, String roleSuffix) {
		return changes.stream()
			.map(c -> "\n" + c.field() + ": " + show(c.field(), c.before()) + " -> " + show(c.field(), c.after())
					+ (c.field().equals("role") ? roleSuffix : ""))
			.collect(Collectors.joining());
	}

	private static String show(String field, String value) {
		if (field.equals("role") && value == null) {
			return "none";
		}
		return value == null || value.isEmpty() ? "\"\"" : oneLine(value);
	}

	static String rotateQuestion(ApiToken token) {
		return RotateToken.WARNING + "\nAre you sure you want to rotate the " + oneLine(token.name()) + " API token?";
	}

	static String deleteQuestion(ApiToken token) {
		return DeleteToken.WARNING + "\nAre you sure you want to delete the " + oneLine(token.name()) + " API token?";
	}

	/** Before a workspace or organization token is taken off a deployment, or an organization token off a workspace. */
	static String removeQuestion(ApiToken token, Place place) {
		String entity = place.family().kind();
		return "The " + TokenLookup.kind(token.scope()) + " API token " + oneLine(token.name()) + " will lose its role "
				+ place.roleOf(token) + " on this " + entity + "; its other roles are kept.\n"
				+ "Are you sure you want to remove it from the " + entity + "?";
	}

	private static String oneLine(String text) {
		return TerminalText.oneLine(text);
	}
}
