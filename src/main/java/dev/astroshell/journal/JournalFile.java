package dev.astroshell.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.PrivateFiles;

/**
 * The journal's file: one JSON entry a line, oldest first, at most {@link #MAX_ENTRIES}. Each append rewrites it
 * whole, atomically ({@link PrivateFiles#replace}, 0600), so that {@code kill -9} at any moment leaves the old file
 * or the new one. A file it cannot read is never overwritten: it is reported, and left for the user to move away.
 */
final class JournalFile {

	static final int MAX_ENTRIES = 1000;

	/** Far more than 1,000 entries take (a few hundred bytes each): anything larger is not ours. */
	static final long MAX_BYTES = 16L * 1024 * 1024;

	private static final ReentrantLock IN_PROCESS = new ReentrantLock();

	private final Path file;

	private final JsonMapper json;

	JournalFile(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	Path path() {
		return file;
	}

	/** The entries, oldest first; none when there is no file yet. */
	List<JournalEntry> read() {
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<String> lines;
		try {
			if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
				throw damaged("not a regular file of at most " + MAX_BYTES / 1024 / 1024 + " MiB");
			}
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new CliException("cannot read the change journal " + file + ": " + e.getMessage(),
					ExitCodes.FAILURE, e);
		}
		List<JournalEntry> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).isBlank()) {
				entries.add(entry(lines.get(i), i + 1, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id()));
			}
		}
		return entries;
	}

	private JournalEntry entry(String line, int number, long previousId) {
		JournalEntry entry;
		try {
			entry = json.readValue(line, JournalEntry.class);
		}
		catch (JacksonException e) {
			throw damaged("line " + number + ": " + e.getOriginalMessage());
		}
		if (entry == null || entry.id() <= previousId || entry.at() == null || entry.write() == null
				|| entry.outcome() == null || entry.tokenName() == null) {
			throw damaged("line " + number + ": not an entry of this journal");
		}
		return entry;
	}

	/** Appends the entry as the next number, dropping the oldest beyond {@link #MAX_ENTRIES}; returns it numbered. */
	JournalEntry append(JournalEntry entry) throws IOException {
		IN_PROCESS.lock();
		try {
			List<JournalEntry> entries = new ArrayList<>(read());
			JournalEntry numbered = entry.numbered(entries.isEmpty() ? 1 : entries.get(entries.size() - 1).id() + 1);
			entries.add(numbered);
			StringBuilder text = new StringBuilder();
			for (JournalEntry e : entries.subList(Math.max(0, entries.size() - MAX_ENTRIES), entries.size())) {
				text.append(json.writeValueAsString(e)).append('\n');
			}
			PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
			PrivateFiles.replace(file, text.toString(), ".journal-", ".tmp");
			return numbered;
		}
		finally {
			IN_PROCESS.unlock();
		}
	}

	private CliException damaged(String problem) {
		return new CliException("the change journal " + file + " is damaged (" + problem
				+ "): move it away to start a new one", ExitCodes.FAILURE);
	}
}
