package dev.astroshell.token;

import dev.astroshell.api.ApiException;

/** The words for what a read-back after a lost answer found; the failures they describe exit 1. */
final class LostAnswer {

	/** How a write is known done when its answer was lost. */
	static final String CONFIRMED_NOTE = "the answer was lost; confirmed by reading the token back";

	/** The same, as a success line shows it. */
	static final String CONFIRMED = "(" + CONFIRMED_NOTE + ")";

	private LostAnswer() {
	}

	/** The answer was lost and the read-back failed too. */
	static String mayHaveHappened(String what, ApiException lost, ApiException readFailure) {
		return what + " may have happened (" + lost.getMessage() + "; reading it back failed too: "
				+ readFailure.getMessage() + "): check with `deployment token list`";
	}

	/** The read-back found no token: someone deleted it meanwhile. */
	static String gone(String tokenName, ApiException lost) {
		return "the token " + tokenName + " no longer exists" + (lost == null ? "" : " (" + lost.getMessage() + ")");
	}

	/** A write the read-back shows was not carried out. */
	static String notDone(String what, ApiException lost) {
		return what + " (confirmed by reading the token back): " + lost.getMessage();
	}
}
