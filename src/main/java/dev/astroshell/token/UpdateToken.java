package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.PlannedRequest;
import dev.astroshell.gateway.Settled;
import dev.astroshell.gateway.Settled.Found;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * deployment, workspace and organization token update (docs/commands.md §2.1, §5): validation before any write, then E4 and, for a new role, E5;
 * when the role change is known not to have happened, the rename is undone.
 */
@Component
public class UpdateToken implements WriteUseCase<TokenUpdate> {

	private final TokenContext context;

	private final Tokens tokens;

	private final TokenResolver resolver;

	private final RoleChooser roles;

	private final RoleWrite roleWrite;

	private final ApiGateway gateway;

	private final Prompter prompter;

	private final NameClash nameClash;

	UpdateToken(TokenContext context, Tokens tokens, TokenResolver resolver, RoleChooser roles, RoleWrite roleWrite,
			ApiGateway gateway, Prompter prompter, NameClash nameClash) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrite = roleWrite;
		this.gateway = gateway;
		this.prompter = prompter;
		this.nameClash = nameClash;
	}

	/** The token resolved, and what the update would write to it. */
	private record Plan(ApiToken token, Place place, UpdateTokenRequest asked, String oldRole, String newRole) {

		boolean nothingToChange() {
			return hasNameAndDescription(token, asked) && Objects.equals(oldRole, newRole);
		}

		boolean roleChanges() {
			return !Objects.equals(oldRole, newRole);
		}
	}

	private Plan plan(TokenUpdate request) {
		if (request.newName() != null && request.newName().isBlank()) {
			throw CliException.usage("the new name cannot be empty");
		}
		Questions ask = Questions.of(prompter);
		Place place = request.family().place(context, request.entityId());
		ApiToken token = resolver.resolve(ask, request.family().lookups().update(), new Where(place, null),
				request.tokenId(), request.name());
		String oldRole = place.roleOf(token);
		// the role selector is for the seed's forms that name nothing but the token; a rename keeps the role
		boolean onlyTheTokenNamed = request.newName() == null && request.description() == null;
		String newRole = roles.forUpdate(ask, token, place, request.role(), onlyTheTokenNamed);
		String name = request.newName() != null ? request.newName() : token.name();
		String description = request.description() != null ? request.description() : token.description();
		return new Plan(token, place, new UpdateTokenRequest(name, description), oldRole, newRole);
	}

	/** The plan for the token read again just before the writes, with the role already chosen. */
	private Plan again(TokenUpdate request, Plan shown) {
		ApiToken now = roleWrite.fresh(Questions.of(prompter), shown.token(), true);
		String name = request.newName() != null ? request.newName() : now.name();
		String description = request.description() != null ? request.description() : now.description();
		return new Plan(now, shown.place(), new UpdateTokenRequest(name, description),
				shown.place().roleOf(now), shown.newRole());
	}

	/** What the update would send: E4, then E5 when the role changes; nothing when nothing changes. */
	@Override
	public Preview preview(TokenUpdate request) {
		Plan plan = plan(request);
		List<PlannedRequest> requests = new ArrayList<>();
		if (!plan.nothingToChange()) {
			requests.add(gateway.planned(gateway.updateToken(plan.token().id(), plan.asked())));
			if (plan.roleChanges()) {
				requests.add(gateway.planned(roleWrite.request(plan.token(), plan.place(), plan.newRole())));
			}
		}
		ApiToken t = plan.token();
		return new Preview(Action.UPDATE, t.id(), t.name(), t.scope(), plan.place(), plan.place().name(context),
				changes(t, plan.asked().name(), plan.asked().description(), plan.oldRole(), plan.newRole()), requests);
	}

	@Override
	public WriteResult run(TokenUpdate request) {
		Plan shown = plan(request);
		if (!nameClashAnswered(shown)) {
			return WriteResult.nothingSent(Outcome.CANCELED, Action.UPDATE, shown.token());
		}
		// a role change starts from the token read again now, after every question; E5 is then built from E4's
		// answer, the newest state of the token, so that only one round trip is left for another writer to slip into
		Plan plan = shown.roleChanges() ? again(request, shown) : shown;
		ApiToken token = plan.token();
		if (plan.nothingToChange()) {
			return WriteResult.nothingSent(Outcome.NO_CHANGE, Action.UPDATE, token); // no write at all
		}
		List<Change> asked = changes(token, plan.asked().name(), plan.asked().description(), plan.oldRole(),
				plan.newRole());
		Settled<ApiToken> renamed;
		try {
			renamed = gateway.settle(gateway.updateToken(token.id(), plan.asked()),
					() -> renameFound(token, plan.asked()));
		}
		finally {
			tokens.invalidate();
		}
		Outcome rename = Outcome.of(renamed.kind());
		String error = switch (renamed.kind()) {
			case UNKNOWN -> LostAnswer.mayHaveHappened("the update of " + token.name(), renamed.lost(),
					renamed.readFailure());
			case CONFLICT -> renamed.state() == null ? LostAnswer.gone(token.name(), renamed.lost())
					: "the token " + token.name() + " was changed by another writer meanwhile, so whether this update "
							+ "was carried out first cannot be told (" + renamed.lost().getMessage()
							+ "); it is now named " + renamed.state().name();
			case NOT_DONE_CONFIRMED -> LostAnswer.notDone("the token " + token.name() + " was not changed",
					renamed.lost());
			case DONE, DONE_CONFIRMED_AFTER_LOST_ANSWER -> null;
		};
		if (error != null) {
			// E5 is never sent after an E4 not known done
			return WriteResult.failed(rename, Action.UPDATE, token, ended(asked, rename, Outcome.NOT_DONE_CONFIRMED),
					error, renamed.lost());
		}
		ApiToken after = renamed.state();
		List<Change> changed = changes(token, after.name(), after.description(), plan.oldRole(), plan.newRole());
		List<String> notes = new ArrayList<>(rename == Outcome.DONE ? List.of() : List.of(LostAnswer.CONFIRMED_NOTE));
		if (!plan.roleChanges()) {
			return WriteResult.done(rename, Action.UPDATE, after, ended(changed, rename, rename), notes)
				.on(plan.place()).leaving(after);
		}
		Settled<ApiToken> role;
		try {
			role = roleWrite.send(token, after, plan.place(), plan.newRole());
		}
		catch (ApiException refused) {
			return roleNotDone(plan, after, asked,
					"the role of " + token.name() + " was not changed: " + refused.getMessage(), refused);
		}
		String problem = RoleWrite.problem(role, token, plan.place(), plan.newRole());
		Outcome roleOutcome = Outcome.of(role.kind());
		if (role.kind() == Settled.Kind.NOT_DONE_CONFIRMED) {
			return roleNotDone(plan, after, asked, problem, role.lost());
		}
		if (problem != null) {
			// unknown, or another writer's: nothing is compensated, and the line says where the name is
			String line = renameHappened(plan, after) ? problem + "; the token is now named " + after.name() : problem;
			return WriteResult.failed(roleOutcome, Action.UPDATE, after, ended(asked, rename, roleOutcome), line,
					role.lost());
		}
		List<String> keptChanges = RoleWrite.changedMeanwhile(token, after, false);
		if (!keptChanges.isEmpty()) {
			// between the read and E4 another writer changed the roles: E5 was built from E4's answer, so they stay
			notes.add("another writer changed its roles meanwhile, and that change was kept: "
					+ String.join("; ", keptChanges));
		}
		RoleWrite.notes(role, after, plan.place(), plan.newRole()).stream().filter(n -> !notes.contains(n)).forEach(notes::add);
		Outcome all = rename == Outcome.DONE && roleOutcome == Outcome.DONE ? Outcome.DONE
				: Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER;
		return WriteResult.done(all, Action.UPDATE, after, ended(changed, rename, roleOutcome), notes)
			.on(plan.place()).leaving(role.state());
	}

	/**
	 * Whether a rename may go on to a name another token of the entity has: asked before the token is read again,
	 * so that no answer is waited for between that read and the writes. The entity's tokens come from the list
	 * the lookups cached (a name resolved or completed in the last minute read it): a name taken since then may go
	 * unwarned, and the writes never depend on it.
	 */
	private boolean nameClashAnswered(Plan shown) {
		ApiToken token = shown.token();
		String newName = shown.asked().name();
		return newName.equals(token.name()) || nameClash.goOn(Questions.of(prompter),
				tokens.cachedOf(shown.place()), token.id(), newName, shown.place().name(context),
				"rename " + TerminalText.oneLine(token.name()) + " anyway?", NameClash.RENAME_CANCELED);
	}

	/** The role change is known not to have happened (refused, or read back unchanged): the rename is undone. */
	private WriteResult roleNotDone(Plan plan, ApiToken renamed, List<Change> asked, String line,
			ApiException cause) {
		Restored restored = renameHappened(plan, renamed) ? restore(plan.token(), renamed, line)
				: new Restored(line, Outcome.NOT_DONE_CONFIRMED);
		return WriteResult.failed(Outcome.NOT_DONE_CONFIRMED, Action.UPDATE, renamed,
				ended(asked, restored.rename(), Outcome.NOT_DONE_CONFIRMED), restored.line(), cause);
	}

	/**
	 * After a rename whose answer was lost: the name asked says it happened; "not changed" only when nobody changed
	 * the token since it was read ({@code updatedAt}), else another writer may have renamed it over this write.
	 */
	private Found<ApiToken> renameFound(ApiToken before, UpdateTokenRequest asked) {
		Optional<ApiToken> read = gateway.tokenIfAny(TokenResolver.FETCHING_TOKEN, before.id());
		if (read.isEmpty()) {
			return Settled.changedByAnother(null);
		}
		ApiToken now = read.get();
		if (hasNameAndDescription(now, asked)) {
			return Settled.inPlace(now);
		}
		return Objects.equals(now.updatedAt(), before.updatedAt()) ? Settled.notThere(now)
				: Settled.changedByAnother(now);
	}

	private static boolean renameHappened(Plan plan, ApiToken renamed) {
		return !hasNameAndDescription(renamed,
				new UpdateTokenRequest(plan.token().name(), plan.token().description()));
	}

	/** How a restore went: the line, and whether the rename it undoes is still in place. */
	private record Restored(String line, Outcome rename) {
	}

	/** Puts the old name and description back after a failed role change, and says how it went. */
	private Restored restore(ApiToken before, ApiToken renamed, String failed) {
		UpdateTokenRequest old = new UpdateTokenRequest(before.name(), before.description());
		Settled<ApiToken> restored;
		try {
			restored = gateway.settle(gateway.updateToken(before.id(), old), () -> {
				ApiToken now = gateway.token(TokenResolver.FETCHING_TOKEN, before.id());
				return hasNameAndDescription(now, old) ? Settled.inPlace(now) : Settled.notThere(now);
			});
		}
		catch (ApiException refused) {
			return new Restored(failed + "; restoring the old name and description also failed ("
					+ refused.getMessage() + "): the token is now named " + renamed.name(), Outcome.DONE);
		}
		finally {
			tokens.invalidate();
		}
		String failedToo = failed + "; restoring the old name and description also failed ("
				+ (restored.lost() == null ? "" : restored.lost().getMessage()) + ")";
		return switch (restored.kind()) {
			case DONE -> new Restored(failed + "; the name and description were restored",
					Outcome.NOT_DONE_CONFIRMED);
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> new Restored(failed + "; the name and description were restored "
					+ LostAnswer.CONFIRMED, Outcome.NOT_DONE_CONFIRMED);
			case NOT_DONE_CONFIRMED -> new Restored(failedToo + ": the token is now named " + restored.state().name(),
					Outcome.DONE);
			case UNKNOWN, CONFLICT -> new Restored(
					failedToo + ", or may have happened: check with `" + TokenFamily.of(before.scope()).command("list")
							+ "`", Outcome.UNKNOWN);
		};
	}

	/** The changes, each with how its request ended: the role's E5, the others' E4. */
	private static List<Change> ended(List<Change> changes, Outcome rename, Outcome role) {
		return changes.stream().map(c -> c.ended(c.field().equals("role") ? role : rename)).toList();
	}

	/** The changes, each only when it changes something: name, description, role. */
	static List<Change> changes(ApiToken before, String name, String description, String oldRole,
			String newRole) {
		List<Change> changes = new ArrayList<>();
		change(changes, "name", before.name(), name);
		change(changes, "description", before.description(), description);
		change(changes, "role", oldRole, newRole);
		return changes;
	}

	private static void change(List<Change> changes, String field, String from, String to) {
		if (!Objects.equals(from, to)) {
			changes.add(Change.asked(field, from, to));
		}
	}

	private static boolean hasNameAndDescription(ApiToken token, UpdateTokenRequest expected) {
		return Objects.equals(token.name(), expected.name())
				&& Objects.equals(token.description(), expected.description());
	}
}
