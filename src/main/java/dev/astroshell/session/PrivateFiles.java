package dev.astroshell.session;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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

	private static FileAttribute<?> mode(String permissions) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
	}
}
