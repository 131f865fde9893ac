package dev.astroshell.token;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.Apis;

import org.springframework.stereotype.Component;

/**
 * The truth after a write whose answer did not arrive: the write may have been carried out, so nothing is said
 * before the token is read back (E3). Writes are never retried.
 */
@Component
class ReadBack {

	/** Added to a success line when the write's answer was lost but the read-back shows it happened. */
	static final String CONFIRMED = "(the answer was lost; confirmed by reading the token back)";

	private final TokenContext context;

	ReadBack(TokenContext context) {
		this.context = context;
	}

	/**
	 * Whether a failed write may nevertheless have been carried out: no answer at all (reset, timeout), or a 5xx that
	 * a proxy may have sent for a request the API did carry out. A 4xx is a clear refusal; a refused connection was
	 * never sent.
	 */
	static boolean answerLost(ApiException e) {
		return e.kind() == ApiException.Kind.TRANSPORT || e.kind() == ApiException.Kind.HTTP && e.status() >= 500;
	}

	/**
	 * The token as it is now, or null when it no longer exists. When this read fails too, the one honest answer is
	 * thrown: {@code what} may have happened.
	 */
	ApiToken token(String tokenId, String what, ApiException lost) {
		try {
			return Apis.await(context.api().getToken(context.organizationId(), tokenId));
		}
		catch (ApiException readFailure) {
			if (readFailure.isNotFound()) {
				return null;
			}
			throw mayHaveHappened(what, lost, readFailure);
		}
	}

	static CliException mayHaveHappened(String what, ApiException lost, ApiException readFailure) {
		return new CliException(what + " may have happened (" + lost.getMessage() + "; reading it back failed too: "
				+ readFailure.getMessage() + "): check with `deployment token list`", ExitCodes.FAILURE, lost);
	}

	/** The read-back found no token: someone deleted it meanwhile. */
	static CliException gone(ApiToken token, ApiException lost) {
		return new CliException("the token " + token.name() + " no longer exists (" + lost.getMessage() + ")",
				ExitCodes.FAILURE, lost);
	}

	/** A write the read-back shows was not carried out. */
	static CliException notDone(String what, ApiException lost) {
		return new CliException(what + " (confirmed by reading the token back): " + lost.getMessage(),
				ExitCodes.FAILURE, lost);
	}
}
