package dev.astroshell.token;

import java.util.List;
import java.util.Optional;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.Settled;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * deployment token delete (docs/commands.md §2.2), behind a warning and a confirmation: E7 for a DEPLOYMENT token; a
 * workspace or organization token is only taken off the deployment (its role there dropped, every other role kept).
 */
@Component
public class DeleteToken implements WriteUseCase<DeleteToken.Options> {

	static final String WARNING = "WARNING: API token deletion cannot be undone.";

	static final String CANCELED = "Canceling API Token deletion";

	static final String REMOVE_CANCELED = "Canceling API Token removal";

	/** Which token; null means "not given". */
	public record Options(String tokenId, String name, boolean force, String deploymentId) {
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

	private ApiToken resolve(Questions ask, String deploymentId, Options o) {
		return resolver.resolve(ask, TokenLookup.ANY_TOKEN_ON_DEPLOYMENT, new Where(deploymentId, null), o.tokenId(),
				o.name());
	}

	/** The token and the request; no confirmation is asked: nothing is sent. */
	@Override
	public Preview preview(Options o) {
		String deploymentId = context.deploymentId(o.deploymentId());
		ApiToken token = resolve(Questions.of(prompter), deploymentId, o);
		if (!TokenScope.DEPLOYMENT.equals(token.scope())) {
			return roleWrite.preview(Action.REMOVE, token, deploymentId, null);
		}
		return new Preview(Action.DELETE, token.id(), token.name(), token.scope(), null, List.of(),
				List.of(gateway.planned(gateway.deleteToken(token.id()))));
	}

	@Override
	public WriteResult run(Options o) {
		Questions ask = Questions.of(prompter);
		String deploymentId = context.deploymentId(o.deploymentId());
		ApiToken token = resolve(ask, deploymentId, o);
		if (!TokenScope.DEPLOYMENT.equals(token.scope())) {
			if (!ask.confirmed(o.force(), WriteText.removeQuestion(token, token.deploymentRole(deploymentId)),
					"delete", REMOVE_CANCELED)) {
				return WriteResult.nothingSent(Outcome.CANCELED, Action.REMOVE, token);
			}
			return roleWrite.write(Action.REMOVE, roleWrite.fresh(ask, token, false), deploymentId, null);
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
