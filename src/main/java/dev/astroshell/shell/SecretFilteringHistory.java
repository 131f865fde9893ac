package dev.astroshell.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

import dev.astroshell.cli.ShellWords;
import dev.astroshell.session.PrivateFiles;

import org.springframework.stereotype.Component;

/**
 * The command history (replaces 4.0.1's, which records every line and writes a world-readable file). Lines that
 * {@link ShellWords#mayHoldSecret may hold a secret} are never recorded; masked prompts never reach it (JLine skips
 * them). The file, in the config dir (spring.shell.config.location), is readable by its owner only.
 */
@Component
public class SecretFilteringHistory extends DefaultHistory {

	private volatile LineReader reader;

	@Override
	public void attach(LineReader reader) {
		this.reader = reader;
		super.attach(reader);
	}

	@Override
	public void add(Instant time, String line) {
		if (!ShellWords.mayHoldSecret(line)) {
			super.add(time, line);
		}
	}

	/**
	 * Makes the file owner-only before JLine appends to it: JLine would create it with the umask's mode, and a file
	 * an older version wrote may be readable by others.
	 */
	@Override
	public void save() throws IOException {
		Object file = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
		if (file != null) {
			Path path = Path.of(file.toString());
			PrivateFiles.createFile(path);
			if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
		}
		super.save();
	}

}
