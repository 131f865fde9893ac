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
 * deployment, workspace and organization token create (docs/commands.md §2.2, §5): E2, whose answer alone carries the
 * secret. After a lost answer, the entity's token list tells whether it happened: a token of that name that was not
 * there before the write.
 */
@Component
public class CreateToken implements WriteUseCase<CreateToken.Options> {

	/**
	 * What to create, of which family; null means "not given".
	 * @param expirationDays days until it expires, 1-3650; null: never
	 * @param entityId the deployment or workspace given (ID or name; null: the current one)
	 */
	public record Options(TokenFamily family, String name, String description, String role, Integer expirationDays,
			String entityId) {

		/** A Deployment API token. */
		public Options(String name, String description, String role, Integer expirationDays, String deploymentId) {
			this(TokenFamily.DEPLOYMENT, name, description, role, expirationDays, deploymentId);
		}
	}

	static final String NAME_PROMPT = namePrompt(TokenFamily.DEPLOYMENT);

	static String namePrompt(TokenFamily family) {
		return "Enter a name for the new " + family.label() + ": ";
	}

	/** What E2 creates, and where. */
	private record Plan(CreateTokenRequest request, Place place) {
	}

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

	private Plan plan(Options o) {
		if (o.expirationDays() != null && (o.expirationDays() < 1 || o.expirationDays() > 3650)) {
			throw CliException.usage(
					"invalid --expiration " + o.expirationDays() + ": use a number of days from 1 to 3650");
		}
		if (o.name() != null && o.name().isBlank()) {
			throw CliException.usage("the token name cannot be empty");
		}
		Questions ask = Questions.of(prompter);
		TokenFamily family = o.family();
		Place place = family.place(context, o.entityId());
		String name = o.name();
		if (name == null) {
			name = askName(ask, family);
		}
		String role = roles.forCreate(ask, name, place, o.role());
		// an organization token names no entity: it belongs to the organization of the path
		String entityId = family.idOption() == null ? null : place.id();
		return new Plan(new CreateTokenRequest(name, role, family.scope(), o.description(), entityId, null,
				o.expirationDays()), place);
	}

	/** An empty answer asks again: a name is needed, and Esc is the way out. */
	private static String askName(Questions ask, TokenFamily family) {
		String name;
		do {
			name = ask.input(namePrompt(family), "missing token name: pass --name");
		}
		while (name == null || name.isBlank());
		return name;
	}

	@Override
	public Preview preview(Options o) {
		Plan plan = plan(o);
		CreateTokenRequest asked = plan.request();
		List<Change> changes = new ArrayList<>();
		changes.add(Change.asked("name", null, asked.name()));
		if (asked.description() != null) {
			changes.add(Change.asked("description", null, asked.description()));
		}
		changes.add(Change.asked("role", null, asked.role()));
		if (asked.tokenExpiryPeriodInDays() != null) {
			changes.add(Change.asked("expiration", null, asked.tokenExpiryPeriodInDays() + " days"));
		}
		return new Preview(Action.CREATE, null, asked.name(), asked.scope(), plan.place(),
				plan.place().name(context), changes, List.of(gateway.planned(gateway.createToken(asked))));
	}

	@Override
	public WriteResult run(Options o) {
		Plan plan = plan(o);
		CreateTokenRequest asked = plan.request();
		String name = asked.name();
		Place place = plan.place();
		TokenScope scope = asked.scope();
		// its namesakes before the write: after a lost answer, a token of that name not among them is this create's.
		// Only a lost answer needs them: when they cannot be read, E2 still goes out and says what is wrong itself.
		Set<String> namesakes;
		ApiException unreadable = null;
		try {
			List<ApiToken> existing = ownTokens(place);
			if (!nameClash.goOn(Questions.of(prompter), existing.stream().map(t -> TokenSummary.of(t, place)).toList(),
					null, name, place.name(context), "create another one?", NameClash.CREATE_CANCELED)) {
				return WriteResult.nothingSent(Outcome.CANCELED, Action.CREATE, null, name, scope);
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
				created.addAll(newNamesakes(place, name, before));
				return created.isEmpty() ? Settled.notThere(null) : Settled.inPlace(null);
			});
		}
		finally {
			tokens.invalidate();
		}
		String id = created.isEmpty() ? null : created.get(created.size() - 1);
		return switch (settled.kind()) {
			case DONE -> WriteResult.withSecret(Action.CREATE, settled.state()).on(place).leaving(settled.state());
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> failed(Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER, id, name, scope,
					"the token " + name + " was created (" + String.join(", ", created)
							+ "; the answer was lost, confirmed by reading the token list back), but its secret was "
							+ "lost with the answer: get a new one with '" + place.family().command("rotate " + id) + "'",
					settled.lost());
			case NOT_DONE_CONFIRMED -> failed(Outcome.NOT_DONE_CONFIRMED, null, name, scope,
					"the token " + name + " was not created (confirmed by reading the token list back): "
							+ settled.lost().getMessage(), settled.lost());
			case UNKNOWN, CONFLICT -> failed(Outcome.UNKNOWN, null, name, scope,
					before == null ? "the creation of " + name + " may have happened (" + settled.lost().getMessage()
							+ "; the token list could not be read before it either: " + unreadableBefore.getMessage()
							+ "): check with `" + place.family().command("list") + "`"
							: LostAnswer.mayHaveHappened("the creation of " + name, settled.lost(),
									settled.readFailure()), settled.lost());
		};
	}

	private static WriteResult failed(Outcome outcome, String id, String name, TokenScope scope, String error,
			ApiException lost) {
		return WriteResult.failed(outcome, Action.CREATE, id, name, scope, List.of(), error, lost);
	}

	/** The entity's own tokens, among which a new one's namesakes are. */
	private List<ApiToken> ownTokens(Place place) {
		return tokens.of(place).stream().filter(t -> place.family().scope().equals(t.scope())).toList();
	}

	/**
	 * After a create whose answer was lost: the entity's tokens of that name that were not there before the write
	 * (a namesake created earlier, even a moment before, is not this one). Either way the secret is gone: it is only
	 * in the answer.
	 */
	private List<String> newNamesakes(Place place, String name, Set<String> namesakesBefore) {
		return ownTokens(place).stream()
			.filter(t -> t.name().equals(name))
			.map(ApiToken::id)
			.filter(id -> !namesakesBefore.contains(id))
			.toList();
	}

	private static Set<String> namesakes(List<ApiToken> ownTokens, String name) {
		return ownTokens.stream()
			.filter(t -> t.name().equals(name))
			.map(ApiToken::id)
			.collect(Collectors.toSet());
	}
}
