package dev.astroshell.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.astroshell.api.ApiToken;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.Settled;
import dev.astroshell.gateway.Settled.Found;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * deployment, workspace and organization token rotate (docs/commands.md §2.2, §5), behind a warning and a confirmation: E6, never retried; when the
 * answer is lost, the token is read back to tell whether the old secret is dead.
 */
@Component
public class RotateToken implements WriteUseCase<RotateToken.Options> {

	static final String WARNING = "WARNING: API Token rotation will invalidate the current token and cannot be undone.";

	static final String CANCELED = "Canceling token rotation";

	/**
	 * Which token, of which family; null means "not given".
	 * @param entityId the deployment or workspace given (ID or name; null: the current one)
	 */
	public record Options(TokenFamily family, String tokenId, String name, boolean force, String entityId) {

		/** A Deployment API token's. */
		public Options(String tokenId, String name, boolean force, String deploymentId) {
			this(TokenFamily.DEPLOYMENT, tokenId, name, force, deploymentId);
		}
	}

	private final TokenContext context;

	private final Tokens tokens;

	private final TokenResolver resolver;

	private final ApiGateway gateway;

	private final Prompter prompter;

	RotateToken(TokenContext context, Tokens tokens, TokenResolver resolver, ApiGateway gateway, Prompter prompter) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.gateway = gateway;
		this.prompter = prompter;
	}

	private ApiToken resolve(Questions ask, Options o) {
		Place place = o.family().place(context, o.entityId());
		return resolver.resolve(ask, o.family().lookups().rotate(), new Where(place, null), o.tokenId(), o.name());
	}

	/** The token and the request; no confirmation is asked: nothing is sent. */
	@Override
	public Preview preview(Options o) {
		ApiToken token = resolve(Questions.of(prompter), o);
		return Preview.of(Action.ROTATE, token.id(), token.name(), token.scope(),
				List.of(gateway.planned(gateway.rotateToken(token.id()))));
	}

	@Override
	public WriteResult run(Options o) {
		Questions ask = Questions.of(prompter);
		ApiToken token = resolve(ask, o);
		if (!ask.confirmed(o.force(), WriteText.rotateQuestion(token), "rotate", CANCELED)) {
			return WriteResult.nothingSent(Outcome.CANCELED, Action.ROTATE, token);
		}
		Settled<ApiToken> settled;
		try {
			settled = gateway.settle(gateway.rotateToken(token.id()), () -> rotated(token));
		}
		finally {
			tokens.invalidate();
		}
		String what = "the rotation of " + token.name() + " (" + token.id() + ")";
		String error = switch (settled.kind()) {
			case DONE -> null;
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> what + " happened " + LostAnswer.CONFIRMED
					+ ", but the new secret was lost with the answer and the old token no longer works: rotate again "
					+ "to get a usable secret";
			case NOT_DONE_CONFIRMED -> LostAnswer.notDone(
					"the token " + token.name() + " was not rotated and its old secret still works", settled.lost());
			case CONFLICT -> LostAnswer.gone(token.name(), settled.lost());
			case UNKNOWN -> LostAnswer.mayHaveHappened(what, settled.lost(), settled.readFailure())
					+ "; if it happened, the old token no longer works: rotate again to get a usable secret";
		};
		return error == null ? WriteResult.withSecret(Action.ROTATE, settled.state())
				: WriteResult.failed(Outcome.of(settled.kind()), Action.ROTATE, token, List.of(), error,
						settled.lost());
	}

	/** After a rotation whose answer was lost: a new short token or rotation time on the token says it happened. */
	private Found<ApiToken> rotated(ApiToken before) {
		Optional<ApiToken> read = gateway.tokenIfAny(TokenResolver.FETCHING_TOKEN, before.id());
		if (read.isEmpty()) {
			return Settled.changedByAnother(null);
		}
		ApiToken now = read.get();
		boolean rotated = !Objects.equals(before.shortToken(), now.shortToken())
				|| !Objects.equals(before.lastRotatedAt(), now.lastRotatedAt());
		return rotated ? Settled.inPlace(now) : Settled.notThere(now);
	}
}
