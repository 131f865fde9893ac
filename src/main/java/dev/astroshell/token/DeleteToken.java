package dev.astroshell.token;

import java.util.List;
import java.util.Optional;

import dev.astroshell.api.ApiToken;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.Settled;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * deployment, workspace and organization token delete (docs/commands.md §2.2, §5), behind a warning and a
 * confirmation: E7 for a token of the family; a workspace or organization token found by deployment token delete is
 * only taken off the deployment (its role there dropped, every other role kept).
 */
@Component
public class DeleteToken implements WriteUseCase<DeleteToken.Options> {

	static final String WARNING = "WARNING: API token deletion cannot be undone.";

	static final String CANCELED = "Canceling API Token deletion";

	static final String REMOVE_CANCELED = "Canceling API Token removal";

	/**
	 * Which token, of which family; null means "not given".
	 * @param entityId the deployment or workspace given (ID or name; null: the current one)
	 */
	public record Options(TokenFamily family, String tokenId, String name, boolean force, String entityId) {

		/** A token on a deployment. */
		public Options(String tokenId, String name, boolean force, String deploymentId) {
			this(TokenFamily.DEPLOYMENT, tokenId, name, force, deploymentId);
		}
	}

	private final TokenContext context;

	private final Tokens tokens;

	private final TokenResolver resolver;

	private final RoleWrite roleWrite;

	private final ApiGateway gateway;

	private final Prompter prompter;

	DeleteToken(TokenContext context, Tokens tokens, TokenResolver resolver, RoleWrite roleWrite, ApiGateway gateway,
			Prompter prompter) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.roleWrite = roleWrite;
		this.gateway = gateway;
		this.prompter = prompter;
	}

	private ApiToken resolve(Questions ask, Place place, Options o) {
		return resolver.resolve(ask, o.family().lookups().delete(), new Where(place, null), o.tokenId(), o.name());
	}

	/** A token of a wider scope (only a deployment's delete finds one) is only taken off the entity. */
	private static boolean removal(ApiToken token, Place place) {
		return !place.family().scope().equals(token.scope());
	}

	/** The token and the request; no confirmation is asked: nothing is sent. */
	@Override
	public Preview preview(Options o) {
		Place place = o.family().place(context, o.entityId());
		ApiToken token = resolve(Questions.of(prompter), place, o);
		if (removal(token, place)) {
			return roleWrite.preview(Action.REMOVE, token, place, null);
		}
		return Preview.of(Action.DELETE, token.id(), token.name(), token.scope(),
				List.of(gateway.planned(gateway.deleteToken(token.id()))));
	}

	@Override
	public WriteResult run(Options o) {
		Questions ask = Questions.of(prompter);
		Place place = o.family().place(context, o.entityId());
		ApiToken token = resolve(ask, place, o);
		if (removal(token, place)) {
			if (!ask.confirmed(o.force(), WriteText.removeQuestion(token, place), "delete", REMOVE_CANCELED)) {
				return WriteResult.nothingSent(Outcome.CANCELED, Action.REMOVE, token);
			}
			return roleWrite.write(Action.REMOVE, roleWrite.fresh(ask, token, false), place, null);
		}
		if (!ask.confirmed(o.force(), WriteText.deleteQuestion(token), "delete", CANCELED)) {
			return WriteResult.nothingSent(Outcome.CANCELED, Action.DELETE, token);
		}
		Settled<Void> settled;
		try {
			settled = gateway.settle(gateway.deleteToken(token.id()), () -> {
				Optional<ApiToken> now = gateway.tokenIfAny(TokenResolver.FETCHING_TOKEN, token.id());
				return now.isEmpty() ? Settled.inPlace(null) : Settled.notThere(null);
			});
		}
		finally {
			tokens.invalidate();
		}
		String error = switch (settled.kind()) {
			case DONE, DONE_CONFIRMED_AFTER_LOST_ANSWER -> null;
			case NOT_DONE_CONFIRMED, CONFLICT -> LostAnswer.notDone("the token " + token.name() + " was not deleted",
					settled.lost());
			case UNKNOWN -> LostAnswer.mayHaveHappened("the deletion of " + token.name(), settled.lost(),
					settled.readFailure());
		};
		return error == null
				? WriteResult.done(Outcome.of(settled.kind()), Action.DELETE, token, List.of(),
						settled.kind() == Settled.Kind.DONE ? List.of() : List.of(LostAnswer.CONFIRMED_NOTE))
				: WriteResult.failed(Outcome.of(settled.kind()), Action.DELETE, token, List.of(), error,
						settled.lost());
	}
}
