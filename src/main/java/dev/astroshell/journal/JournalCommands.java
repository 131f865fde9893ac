package dev.astroshell.journal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** changes and undo (docs/commands.md §2.4): the change journal listed, and its newest reversible entry reverted. */
@Component
public class JournalCommands {

	static final int DEFAULT_LIMIT = 20;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private final Journal journal;

	private final Undo undo;

	private final Renderer renderer;

	private final Clock clock;

	public JournalCommands(Journal journal, Undo undo, Renderer renderer, Clock clock) {
		this.journal = journal;
		this.undo = undo;
		this.renderer = renderer;
		this.clock = clock;
	}

	@Command(name = "changes", group = "Changes",
			description = "List the writes made from this machine, newest first (the change journal)", help = """
					changes
					changes --limit 5
					changes -o json | jq '.[] | {id, write, tokenName, outcome}'""")
	public String changes(
			@Option(longName = "limit", description = "how many entries, newest first (default: 20)") Integer limit,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		if (limit != null && limit < 1) {
			throw CliException.usage("invalid --limit " + limit + ": use a number of entries from 1");
		}
		List<JournalEntry> all = journal.entries();
		int shown = Math.min(all.size(), limit == null ? DEFAULT_LIMIT : limit);
		List<JournalEntry> newest = new ArrayList<>(all.subList(all.size() - shown, all.size()));
		Collections.reverse(newest);
		if (newest.isEmpty() && format == OutputFormat.TABLE) {
			return "No changes journalled yet.";
		}
		return renderer.render(format, newest, newest, columns());
	}

	@Command(name = "undo", group = "Changes",
			description = "Revert the newest reversible change made from this machine (a second undo redoes it)",
			help = """
					undo --dry-run      # what would be reverted, and the requests
					undo
					undo --force        # even if the token was changed since; delete a created token without asking""")
	public String undo(
			@Option(longName = "dry-run", description = "print what would be reverted and the requests, send none")
			Boolean dryRun,
			@Option(longName = "force", shortName = 'f',
					description = "revert even if the token was changed since, and delete a created token without asking")
			Boolean force,
			@Option(longName = "output", shortName = 'o', description = "json: print the outcome as JSON") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		return undo.undo(Boolean.TRUE.equals(dryRun), Boolean.TRUE.equals(force), output, json, ctx.outputWriter());
	}

	private List<Column<JournalEntry>> columns() {
		ZoneId zone = clock.getZone();
		return List.of(new Column<JournalEntry>("#", e -> String.valueOf(e.id())),
				new Column<JournalEntry>("WHEN", e -> WHEN.format(e.at().atZone(zone))),
				new Column<JournalEntry>("WRITE", e -> e.write().name().toLowerCase(Locale.ROOT)
						+ (e.undoOf() == null ? "" : " (undo of " + e.undoOf() + ")")),
				new Column<JournalEntry>("TOKEN", JournalEntry::tokenName), new Column<JournalEntry>("TOKEN ID", JournalEntry::tokenId),
				new Column<JournalEntry>("CHANGES", JournalCommands::changes).shrinking(),
				new Column<JournalEntry>("OUTCOME", e -> outcome(e.outcome())),
				new Column<JournalEntry>("CONTEXT", e -> e.domain() + " · "
						+ (e.organization() == null ? e.organizationId() : e.organization())).shrinking());
	}

	private static String changes(JournalEntry e) {
		return e.changes().stream()
			.map(c -> c.field() + ": " + (c.before() == null ? "none" : c.before()) + " -> "
					+ (c.after() == null ? "none" : c.after()))
			.collect(Collectors.joining("; "));
	}

	/** The outcome as docs/commands.md §2.3 names it: done, confirmed, not-done, unknown, conflict. */
	static String outcome(Outcome outcome) {
		return switch (outcome) {
			case DONE -> "done";
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> "confirmed";
			case NOT_DONE_CONFIRMED -> "not-done";
			case UNKNOWN -> "unknown";
			case CONFLICT -> "conflict";
			case NO_CHANGE -> "no-change";
			case CANCELED -> "canceled";
		};
	}
}
