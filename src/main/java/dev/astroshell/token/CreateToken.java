package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.Settled;
import dev.astroshell.gateway.Settled.Found;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * deployment token create (docs/commands.md §2.2): E2, whose answer alone carries the secret. After a lost answer,
 * the deployment's token list tells whether it happened: a token of that name that was not there before the write.
 */
@Component
public class CreateToken implements WriteUseCase<CreateToken.Options> {

	/**
	 * What to create; null means "not given".
	 * @param expirationDays days until it expires, 1-3650; null: never
	 */
	public record Options(String name, String description, String role, Integer expirationDays, String deploymentId) {
	}

	static final String NAME_PROMPT = "Enter a name for the new Deployment API token: ";

	private final TokenContext context;

	private final Tokens tokens;

	private final RoleChooser roles;

	private final ApiGateway gateway;

	private final Prompter prompter;

	private final NameClash nameClash;

	CreateToken(TokenContext context, Tokens tokens, RoleChooser roles, ApiGateway gateway, Prompter prompter,
			NameClash nameClash) {
		this.context = context;
		this.tokens = tokens;
		this.roles = roles;
		this.gateway = gateway;
		this.prompter = prompter;
		this.nameClash = nameClash;
	}

	private CreateTokenRequest plan(Options o) {
		if (o.expirationDays() != null && (o.expirationDays() < 1 || o.expirationDays() > 3650)) {
			throw CliException.usage(
					"invalid --expiration " + o.expirationDays() + ": use a number of days from 1 to 3650");
		}
		if (o.name() != null && o.name().isBlank()) {
			throw CliException.usage("the token name cannot be empty");
		}
		Questions ask = Questions.of(prompter);
		String deploymentId = context.deploymentId(o.deploymentId());
		String name = o.name();
		if (name == null) {
			name = askName(ask);
		}
		String role = roles.forCreate(ask, name, deploymentId, o.role());
		return new CreateTokenRequest(name, role, TokenScope.DEPLOYMENT, o.description(), deploymentId, null,
				o.expirationDays());
	}

	/** An empty answer asks again: a name is needed, and Esc is the way out. */
	private static String askName(Questions ask) {
		String name;
		do {
			name = ask.input(NAME_PROMPT, "missing token name: pass --name");
		}
		while (name == null || name.isBlank());
		return name;
	}

	@Override
	public Preview preview(Options o) {
		CreateTokenRequest asked = plan(o);
		List<Change> changes = new ArrayList<>();
		changes.add(Change.asked("name", null, asked.name()));
		if (asked.description() != null) {
			changes.add(Change.asked("description", null, asked.description()));
		}
		changes.add(Change.asked("role", null, asked.role()));
		if (asked.tokenExpiryPeriodInDays() != null) {
			changes.add(Change.asked("expiration", null, asked.tokenExpiryPeriodInDays() + " days"));
		}
		return new Preview(Action.CREATE, null, asked.name(), TokenScope.DEPLOYMENT,
				context.deploymentName(asked.entityId()), changes,
				List.of(gateway.planned(gateway.createToken(asked))));
	}

	@Override
	public WriteResult run(Options o) {
		CreateTokenRequest asked = plan(o);
		String name = asked.name();
		String deploymentId = asked.entityId();
		// its namesakes before the write: after a lost answer, a token of that name not among them is this create's.
		// Only a lost answer needs them: when they cannot be read, E2 still goes out and says what is wrong itself.
		Set<String> namesakes;
		ApiException unreadable = null;
		try {
			List<ApiToken> existing = tokens.ofDeployment(deploymentId);
			if (!nameClash.goOn(Questions.of(prompter),
					existing.stream().map(t -> TokenSummary.of(t, deploymentId)).toList(), null, name,
					context.deploymentName(deploymentId), "create another one?", NameClash.CREATE_CANCELED)) {
				return WriteResult.nothingSent(Outcome.CANCELED, Action.CREATE, null, name, TokenScope.DEPLOYMENT);
			}
			namesakes = namesakes(existing, name);
		}
		catch (ApiException e) {
			namesakes = null;
			unreadable = e;
		}
		Set<String> before = namesakes;
		ApiException unreadableBefore = unreadable;
		List<String> created = new ArrayList<>();
		Settled<ApiToken> settled;
		try {
			settled = gateway.settle(gateway.createToken(asked), () -> {
				if (before == null) {
					throw unreadableBefore; // nothing to tell a new token from an old namesake: unknown
				}
				created.addAll(newNamesakes(deploymentId, name, before));
				return created.isEmpty() ? Settled.notThere(null) : Settled.inPlace(null);
			});
		}
		finally {
			tokens.invalidate();
		}
		String id = created.isEmpty() ? null : created.get(created.size() - 1);
		return switch (settled.kind()) {
			case DONE -> WriteResult.withSecret(Action.CREATE, settled.state()).on(deploymentId, settled.state());
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> failed(Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER, id, name,
					"the token " + name + " was created (" + String.join(", ", created)
							+ "; the answer was lost, confirmed by reading the token list back), but its secret was "
							+ "lost with the answer: get a new one with 'deployment token rotate " + id + "'",
					settled.lost());
			case NOT_DONE_CONFIRMED -> failed(Outcome.NOT_DONE_CONFIRMED, null, name,
					"the token " + name + " was not created (confirmed by reading the token list back): "
							+ settled.lost().getMessage(), settled.lost());
			case UNKNOWN, CONFLICT -> failed(Outcome.UNKNOWN, null, name,
					before == null ? "the creation of " + name + " may have happened (" + settled.lost().getMessage()
							+ "; the token list could not be read before it either: " + unreadableBefore.getMessage()
							+ "): check with `deployment token list`"
							: LostAnswer.mayHaveHappened("the creation of " + name, settled.lost(),
									settled.readFailure()), settled.lost());
		};
	}

	private static WriteResult failed(Outcome outcome, String id, String name, String error, ApiException lost) {
		return WriteResult.failed(outcome, Action.CREATE, id, name, TokenScope.DEPLOYMENT, List.of(), error, lost);
	}

	/**
	 * After a create whose answer was lost: the deployment tokens of that name that were not there before the write
	 * (a namesake created earlier, even a moment before, is not this one). Either way the secret is gone: it is only
	 * in the answer.
	 */
	private List<String> newNamesakes(String deploymentId, String name, Set<String> namesakesBefore) {
		return tokens.ofDeployment(deploymentId)
			.stream()
			.filter(t -> TokenScope.DEPLOYMENT.equals(t.scope()) && t.name().equals(name))
			.map(ApiToken::id)
			.filter(id -> !namesakesBefore.contains(id))
			.toList();
	}

	private static Set<String> namesakes(List<ApiToken> deploymentTokens, String name) {
		return deploymentTokens.stream()
			.filter(t -> TokenScope.DEPLOYMENT.equals(t.scope()) && t.name().equals(name))
			.map(ApiToken::id)
			.collect(Collectors.toSet());
	}
}
