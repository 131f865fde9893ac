package dev.astroshell.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories (0700) and files (0600) of the shell's own, created private whatever the umask is (under umask 000 the
 * defaults would be 0777 and 0666). What exists already is left as the user set it.
 */
public final class PrivateFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private PrivateFiles() {
	}

	/** Creates the directory and its missing parents, each 0700. */
	public static void createDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		if (POSIX) {
			Files.createDirectories(dir, mode("rwx------"));
		}
		else {
			Files.createDirectories(dir);
		}
	}

	/** Creates the file (0600, empty) and its missing directories (0700) unless it exists. */
	public static void createFile(Path file) throws IOException {
		createDirectories(file.toAbsolutePath().getParent());
		try {
			if (POSIX) {
				Files.createFile(file, mode("rw-------"));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException e) {
			// kept as it is
		}
	}

	/**
	 * Replaces {@code target} atomically with {@code content} (0600): written to a temp file beside it, then renamed
	 * over it, so that a reader or a killed process (even {@code kill -9}) sees the old file or the new one, never a
	 * short one. An interrupted write leaves a temp file named {@code tempPrefix…tempSuffix}.
	 */
	public static void replace(Path target, String content, String tempPrefix, String tempSuffix) throws IOException {
		Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), tempPrefix, tempSuffix);
		try {
			if (POSIX) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static FileAttribute<?> mode(String permissions) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
	}
}
