package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
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
 * deployment token update (docs/commands.md §2.1): validation before any write, then E4 and, for a new role, E5;
 * when the role change is known not to have happened, the rename is undone.
 */
@Component
public class UpdateToken {

	private final TokenContext context;

	private final Tokens tokens;

	private final TokenResolver resolver;

	private final RoleChooser roles;

	private final RoleWrite roleWrite;

	private final ApiGateway gateway;

	private final Prompter prompter;

	UpdateToken(TokenContext context, Tokens tokens, TokenResolver resolver, RoleChooser roles, RoleWrite roleWrite,
			ApiGateway gateway, Prompter prompter) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrite = roleWrite;
		this.gateway = gateway;
		this.prompter = prompter;
	}

	/** The token resolved, and what the update would write to it. */
	private record Plan(ApiToken token, String deploymentId, UpdateTokenRequest asked, String oldRole, String newRole) {

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
		String deploymentId = context.deploymentId(request.deploymentId());
		ApiToken token = resolver.resolve(ask, TokenLookup.DEPLOYMENT_TOKEN, new Where(deploymentId, null),
				request.tokenId(), request.name());
		String oldRole = token.deploymentRole(deploymentId);
		// the role selector is for the seed's forms that name nothing but the token; a rename keeps the role
		boolean onlyTheTokenNamed = request.newName() == null && request.description() == null;
		String newRole = roles.forUpdate(ask, token, deploymentId, request.role(), onlyTheTokenNamed);
		String name = request.newName() != null ? request.newName() : token.name();
		String description = request.description() != null ? request.description() : token.description();
		return new Plan(token, deploymentId, new UpdateTokenRequest(name, description), oldRole, newRole);
	}

	/** What the update would send: E4, then E5 when the role changes; nothing when nothing changes. */
	public Preview preview(TokenUpdate request) {
		Plan plan = plan(request);
		List<PlannedRequest> requests = new ArrayList<>();
		if (!plan.nothingToChange()) {
			requests.add(gateway.planned(gateway.updateToken(plan.token().id(), plan.asked())));
			if (plan.roleChanges()) {
				requests.add(gateway.planned(roleWrite.request(plan.token(), plan.deploymentId(), plan.newRole())));
			}
		}
		ApiToken t = plan.token();
		return new Preview(Action.UPDATE, t.id(), t.name(), t.scope(), context.deploymentName(plan.deploymentId()),
				changes(t, plan.asked().name(), plan.asked().description(), plan.oldRole(), plan.newRole()), requests);
	}

	public WriteResult run(TokenUpdate request) {
		Plan plan = plan(request);
		ApiToken token = plan.token();
		if (plan.nothingToChange()) {
			return WriteResult.nothingSent(Outcome.NO_CHANGE, Action.UPDATE, token); // no write at all
		}
		List<Change> asked = changes(token, plan.asked().name(), plan.asked().description(), plan.oldRole(),
				plan.newRole());
		Settled<ApiToken> renamed;
		try {
			renamed = gateway.settle(gateway.updateToken(token.id(), plan.asked()),
					() -> renameFound(token.id(), plan.asked()));
		}
		finally {
			tokens.invalidate();
		}
		String error = switch (renamed.kind()) {
			case UNKNOWN -> LostAnswer.mayHaveHappened("the update of " + token.name(), renamed.lost(),
					renamed.readFailure());
			case CONFLICT -> LostAnswer.gone(token.name(), renamed.lost());
			case NOT_DONE_CONFIRMED -> LostAnswer.notDone("the token " + token.name() + " was not changed",
					renamed.lost());
			case DONE, DONE_CONFIRMED_AFTER_LOST_ANSWER -> null;
		};
		if (error != null) {
			return WriteResult.failed(Outcome.of(renamed.kind()), Action.UPDATE, token, asked, error, renamed.lost());
		}
		ApiToken after = renamed.state();
		List<String> notes = new ArrayList<>(
				renamed.kind() == Settled.Kind.DONE ? List.of() : List.of(LostAnswer.CONFIRMED_NOTE));
		boolean confirmed = !notes.isEmpty();
		if (plan.roleChanges()) {
			Settled<ApiToken> role = writeRole(plan, after);
			String problem = RoleWrite.problem(role, token, plan.deploymentId(), plan.newRole());
			if (problem != null) {
				return WriteResult.failed(Outcome.of(role.kind()), Action.UPDATE, after, asked,
						afterRename(plan, after, role, problem), role.lost());
			}
			RoleWrite.notes(role).stream().filter(n -> !notes.contains(n)).forEach(notes::add);
			confirmed |= role.kind() == Settled.Kind.DONE_CONFIRMED_AFTER_LOST_ANSWER;
		}
		return WriteResult.done(confirmed ? Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER : Outcome.DONE, Action.UPDATE,
				after, changes(token, after.name(), after.description(), plan.oldRole(), plan.newRole()), notes);
	}

	private Found<ApiToken> renameFound(String tokenId, UpdateTokenRequest asked) {
		Optional<ApiToken> now = gateway.tokenIfAny(TokenResolver.FETCHING_TOKEN, tokenId);
		if (now.isEmpty()) {
			return Settled.changedByAnother(null);
		}
		return hasNameAndDescription(now.get(), asked) ? Settled.inPlace(now.get()) : Settled.notThere(now.get());
	}

	/** E5 after E4; a clear refusal undoes the rename and ends the command. */
	private Settled<ApiToken> writeRole(Plan plan, ApiToken renamed) {
		try {
			return roleWrite.send(plan.token(), plan.deploymentId(), plan.newRole());
		}
		catch (ApiException refused) {
			String failed = "the role of " + plan.token().name() + " was not changed: " + refused.getMessage();
			throw new CliException(renameHappened(plan, renamed) ? restore(plan.token(), renamed, failed) : failed,
					ExitCodes.FAILURE, refused);
		}
	}

	/**
	 * A role change not known done, after E4: when it is known not to have happened, the rename is undone; when its
	 * outcome is unknown (or another writer's), nothing is compensated, and the line says where the name is.
	 */
	private String afterRename(Plan plan, ApiToken renamed, Settled<ApiToken> role, String problem) {
		if (!renameHappened(plan, renamed)) {
			return problem;
		}
		return role.kind() == Settled.Kind.NOT_DONE_CONFIRMED ? restore(plan.token(), renamed, problem)
				: problem + "; the token is now named " + renamed.name();
	}

	private static boolean renameHappened(Plan plan, ApiToken renamed) {
		return !hasNameAndDescription(renamed,
				new UpdateTokenRequest(plan.token().name(), plan.token().description()));
	}

	/** Puts the old name and description back after a failed role change, and says how it went. */
	private String restore(ApiToken before, ApiToken renamed, String failed) {
		UpdateTokenRequest old = new UpdateTokenRequest(before.name(), before.description());
		Settled<ApiToken> restored;
		try {
			restored = gateway.settle(gateway.updateToken(before.id(), old), () -> {
				ApiToken now = gateway.token(TokenResolver.FETCHING_TOKEN, before.id());
				return hasNameAndDescription(now, old) ? Settled.inPlace(now) : Settled.notThere(now);
			});
		}
		catch (ApiException refused) {
			return failed + "; restoring the old name and description also failed (" + refused.getMessage()
					+ "): the token is now named " + renamed.name();
		}
		String failedToo = failed + "; restoring the old name and description also failed ("
				+ (restored.lost() == null ? "" : restored.lost().getMessage()) + ")";
		return switch (restored.kind()) {
			case DONE -> failed + "; the name and description were restored";
			case DONE_CONFIRMED_AFTER_LOST_ANSWER -> failed + "; the name and description were restored "
					+ LostAnswer.CONFIRMED;
			case NOT_DONE_CONFIRMED -> failedToo + ": the token is now named " + restored.state().name();
			case UNKNOWN, CONFLICT -> failedToo + ", or may have happened: check with `deployment token list`";
		};
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
			changes.add(new Change(field, from, to));
		}
	}

	private static boolean hasNameAndDescription(ApiToken token, UpdateTokenRequest expected) {
		return Objects.equals(token.name(), expected.name())
				&& Objects.equals(token.description(), expected.description());
	}
}
