package dev.astroshell.token;

/**
 * A grant command's use case: its options mapped to the question {@link Granting} answers (which token, by which
 * lookup, with which role), for a role given or taken off.
 * @param <O> the command's options record
 */
abstract class GrantWrite<O> implements WriteUseCase<O> {

	private final Granting granting;

	private final boolean removal;

	GrantWrite(Granting granting, boolean removal) {
		this.granting = granting;
		this.removal = removal;
	}

	abstract Granting.Asked asked(O options);

	@Override
	public Preview preview(O options) {
		return granting.preview(asked(options), removal);
	}

	@Override
	public WriteResult run(O options) {
		return granting.write(asked(options), removal);
	}
}
