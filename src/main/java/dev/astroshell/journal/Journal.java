package dev.astroshell.journal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.TerminalText;
import dev.astroshell.session.AppDirs;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext;
import dev.astroshell.token.WriteJournal;
import dev.astroshell.token.WriteResult;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The change journal ({@code journal.jsonl} in the XDG state directory): every write that was sent, with the context
 * it was made in, appended as the write command ends. A write whose journal cannot be written still succeeds; a line
 * on stderr says that it was not journalled and why.
 */
@Component
public class Journal implements WriteJournal {

	/** The journal's file in the XDG state directory. */
	public static final String FILE_NAME = "journal.jsonl";

	private static final Logger log = LoggerFactory.getLogger(Journal.class);

	private final JournalFile file;

	private final Session session;

	private final Clock clock;

	/** The entry an {@code undo} in progress reverts: its write is journalled as the undo of that entry. */
	private Long undoing;

	@Autowired
	Journal(AppDirs dirs, JsonMapper json, Session session, Clock clock) {
		this(new JournalFile(dirs.state().resolve(FILE_NAME), json), session, clock);
	}

	Journal(JournalFile file, Session session, Clock clock) {
		this.file = file;
		this.session = session;
		this.clock = clock;
	}

	/** A write that sent nothing (nothing to change, or declined) is not a change: it is not journalled. */
	@Override
	public void written(WriteResult result) {
		if (result.outcome() == Outcome.NO_CHANGE || result.outcome() == Outcome.CANCELED) {
			return;
		}
		try {
			file.append(entry(result));
		}
		catch (IOException | RuntimeException e) {
			// a command is given no error stream: the process's, as for the other warnings of a write
			String line = "Warning: this change was not journalled: " + TerminalText.oneLine(e.getMessage());
			System.err.println(line);
			log.warn(line, e);
		}
	}

	private JournalEntry entry(WriteResult r) {
		SessionContext context = session.resolved(); // bound by the write: its organization is known
		SessionContext.Ref organization = context.organization();
		return new JournalEntry(0, clock.instant(), context.domain(), organization == null ? null : organization.id(),
				organization == null ? null : organization.name(), r.id(), r.name(), r.scope(), r.action(),
				r.deploymentId(), r.changes(), r.outcome(), r.error(), undoing,
				JournalEntry.Snapshot.of(r.state()));
	}

	/** Runs {@code write}, whose outcome the journal then marks as the undo of {@code entryId}. */
	<T> T undoing(long entryId, Supplier<T> write) {
		undoing = entryId;
		try {
			return write.get();
		}
		finally {
			undoing = null;
		}
	}

	/** The entries, oldest first; a damaged file fails with one line naming it. */
	List<JournalEntry> entries() {
		return file.read();
	}
}
