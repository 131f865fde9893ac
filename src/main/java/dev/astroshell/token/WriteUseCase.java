package dev.astroshell.token;

/**
 * One write command's logic: its options in, what it would send ({@code --dry-run}) or how the write ended out.
 * @param <O> the command's options record
 */
public interface WriteUseCase<O> {

	/** The token and the role resolved as for the write (reads and pickers only), and the requests, none sent. */
	Preview preview(O options);

	WriteResult run(O options);
}
