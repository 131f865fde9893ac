package dev.astroshell.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.PrivateFiles;

/**
 * The journal's file: one JSON entry a line, oldest first, at most {@link #MAX_ENTRIES}. Each append rewrites it
 * whole, atomically ({@link PrivateFiles#replace}, 0600), so that {@code kill -9} at any moment leaves the old file
 * or the new one. A file it cannot read is never overwritten: it is reported, and left for the user to move away.
 * The lines last read or written are kept while the file is unchanged (same size, time and inode), so that an append
 * does not parse 1,000 entries again.
 */
final class JournalFile {

	static final int MAX_ENTRIES = 1000;

	/** Far more than 1,000 entries take (a few hundred bytes each): anything larger is not ours. */
	static final long MAX_BYTES = 16L * 1024 * 1024;

	/** The stamp of a file that does not exist. */
	private static final Object NONE = List.of();

	private final Path file;

	private final JsonMapper json;

	/** One entry a line, whatever the application's mapper indents. */
	private final ObjectWriter line;

	/** The file's lines as last read or written, each a valid entry, and what the file looked like then. */
	private record Known(Object stamp, List<String> lines, long lastId) {
	}

	private Known known;

	JournalFile(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
		this.line = json.writer().without(SerializationFeature.INDENT_OUTPUT);
	}

	Path path() {
		return file;
	}

	/** The entries, oldest first; none when there is no file yet. Fails with one line when it is damaged. */
	synchronized List<JournalEntry> read() {
		List<JournalEntry> entries = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		Object stamp = stamp();
		if (!stamp.equals(NONE)) {
			List<String> all = readLines();
			for (int i = 0; i < all.size(); i++) {
				if (!all.get(i).isBlank()) {
					entries.add(entry(all.get(i), i + 1, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id()));
					lines.add(all.get(i));
				}
			}
		}
		known = new Known(stamp, lines, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id());
		return entries;
	}

	/** Appends the entry as the next number, dropping the oldest beyond {@link #MAX_ENTRIES}; returns it numbered. */
	synchronized JournalEntry append(JournalEntry entry) throws IOException {
		if (known == null || !known.stamp().equals(stamp())) {
			read();
		}
		JournalEntry numbered = entry.numbered(known.lastId() + 1);
		List<String> lines = new ArrayList<>(known.lines());
		lines.add(line.writeValueAsString(numbered));
		lines = List.copyOf(lines.subList(Math.max(0, lines.size() - MAX_ENTRIES), lines.size()));
		PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
		PrivateFiles.replace(file, String.join("\n", lines) + "\n", ".journal-", ".tmp");
		known = new Known(stamp(), lines, numbered.id());
		return numbered;
	}

	/** Size, modification time and inode: a rewrite by another shell changes at least the inode. {@link #NONE}: no file. */
	private Object stamp() {
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return NONE;
		}
		try {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()), a.isRegularFile());
		}
		catch (IOException e) {
			throw unreadable(e);
		}
	}

	private List<String> readLines() {
		try {
			if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
				throw damaged("not a regular file of at most " + MAX_BYTES / 1024 / 1024 + " MiB");
			}
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw unreadable(e);
		}
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

	private CliException unreadable(IOException e) {
		return new CliException("cannot read the change journal " + file + ": " + e.getMessage(), ExitCodes.FAILURE,
				e);
	}

	private CliException damaged(String problem) {
		return new CliException("the change journal " + file + " is damaged (" + problem
				+ "): move it away to start a new one", ExitCodes.FAILURE);
	}
}
