package dev.astroshell.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** Small files readable by their owner only (mode 0600), written so that no reader ever sees a partial file. */
final class SecretFiles {

	private SecretFiles() {
	}

	/**
	 * The file's content; when it does not exist yet, creates it with {@code initial}. Two processes racing here
	 * both end with the content of whichever created it first.
	 */
	static String readOrCreate(Path file, Supplier<String> initial) {
		try {
			if (!Files.exists(file)) {
				Path tmp = writeTemp(file, initial.get());
				try {
					// a hard link fails if the target exists, unlike a rename, which would replace it
					Files.createLink(file, tmp);
				}
				catch (FileAlreadyExistsException lostRace) {
					// the other process's file wins
				}
				finally {
					Files.deleteIfExists(tmp);
				}
			}
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create " + file, ex);
		}
	}

	/** Replaces the file's content atomically. */
	static void write(Path file, String content) {
		try {
			Files.move(writeTemp(file, content), file, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	static String readIfExists(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	private static Path writeTemp(Path file, String content) throws IOException {
		Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(tmp, content, StandardCharsets.UTF_8);
		return tmp;
	}
}
