package dev.astroshell.token;

/**
 * Told of every write that was sent, whatever its outcome, by the one place every write command runs through
 * ({@link WriteOutput}): the change journal. A dry run is never told.
 */
public interface WriteJournal {

	/** Records the write; never fails the command (a journal that cannot be written is said on stderr). */
	void written(WriteResult result);
}
