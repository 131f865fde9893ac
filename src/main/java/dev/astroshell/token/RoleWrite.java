package dev.astroshell.token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenRolesResult;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.gateway.Request;
import dev.astroshell.gateway.Settled;
import dev.astroshell.gateway.Settled.Found;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * E5 for one entity (a deployment, a workspace, the organization). E5 replaces the token's whole role list, so the
 * list sent is the token's as this command
 * read it just before (never a cached one) with only that entity's entry changed, and the roles are read back
 * afterwards ({@link ApiGateway#settleAndCheck}): a change another writer overwrote is reported, never lost
 * silently. A lost answer is settled by the read-back too.
 */
@Component
public class RoleWrite {

	/** The line of a role write the user declined after being shown another writer's change. */
	static final String CHANGED_CANCELED = "Canceling: the token was changed meanwhile, nothing was changed";

	private final TokenContext context;

	private final Tokens tokens;

	private final ApiGateway gateway;

	RoleWrite(TokenContext context, Tokens tokens, ApiGateway gateway) {
		this.context = context;
		this.tokens = tokens;
		this.gateway = gateway;
	}

	/**
	 * The token read again (E3) just before its role write, after every question: E5 is built from this read, never
	 * from the one the user was shown. When the roles differ from those shown (or, with {@code nameToo}, the name or
	 * description), says by entity what another writer changed and asks whether to go on with the new state, then
	 * reads again; a run that cannot ask stops with exit 1, having changed nothing.
	 * @param shown the token as the user saw it (as resolved, before any selector)
	 */
	ApiToken fresh(Questions ask, ApiToken shown, boolean nameToo) {
		ApiToken seen = shown;
		while (true) {
			ApiToken now;
			try {
				now = gateway.token(TokenResolver.FETCHING_TOKEN, shown.id());
			}
			finally {
				tokens.invalidate();
			}
			List<String> changed = changedMeanwhile(seen, now, nameToo);
			if (changed.isEmpty()) {
				return now;
			}
			String line = "the token " + TerminalText.oneLine(seen.name()) + " was changed by another writer meanwhile: "
					+ String.join("; ", changed);
			if (!ask.allowed()) {
				throw CliException.failure(line + "; nothing was changed");
			}
			if (!ask.confirmed(false, line + ". Go on with the new state?", "go on", CHANGED_CANCELED)) {
				throw CliException.failure(CHANGED_CANCELED);
			}
			seen = now;
		}
	}

	/** What differs between two reads of a token, one line per entity (and for the name and description). */
	public static List<String> changedMeanwhile(ApiToken before, ApiToken after, boolean nameToo) {
		List<String> changed = new ArrayList<>();
		if (nameToo && !Objects.equals(before.name(), after.name())) {
			changed.add("name: " + TerminalText.oneLine(before.name()) + " -> " + TerminalText.oneLine(after.name()));
		}
		if (nameToo && !Objects.equals(before.description(), after.description())) {
			changed.add("description: " + TerminalText.oneLine(before.description()) + " -> "
					+ TerminalText.oneLine(after.description()));
		}
		Map<String, List<String>> was = byEntity(before.roles());
		Map<String, List<String>> is = byEntity(after.roles());
		Set<String> entities = new LinkedHashSet<>(was.keySet());
		entities.addAll(is.keySet());
		for (String entity : entities) {
			List<String> from = was.getOrDefault(entity, List.of());
			List<String> to = is.getOrDefault(entity, List.of());
			if (!new HashSet<>(from).equals(new HashSet<>(to)) || from.size() != to.size()) {
				changed.add("role on " + entity + ": " + joined(from) + " -> " + joined(to));
			}
		}
		return changed;
	}

	/** Roles by the entity they are on, e.g. {@code DEPLOYMENT ml-dev}, in the list's order. */
	private static Map<String, List<String>> byEntity(List<TokenRole> roles) {
		Map<String, List<String>> by = new LinkedHashMap<>();
		for (TokenRole r : roles) {
			by.computeIfAbsent(r.entityType() + " " + r.entityId(), e -> new ArrayList<>()).add(r.role());
		}
		return by;
	}

	private static String joined(List<String> roles) {
		return roles.isEmpty() ? "none" : String.join(", ", roles);
	}

	/** A write that is only this role change (a grant, a removal): what it would send. */
	Preview preview(Action action, ApiToken token, Place place, String role) {
		return new Preview(action, token.id(), token.name(), token.scope(), place, place.name(context),
				List.of(change(token, place, role)), List.of(gateway.planned(request(token, place, role))));
	}

	/** A write that is only this role change (a grant, a removal): sent, read back, and how it ended. */
	WriteResult write(Action action, ApiToken token, Place place, String role) {
		Settled<ApiToken> settled = send(token, place, role);
		List<Change> changes = List.of(change(token, place, role).ended(Outcome.of(settled.kind())));
		String problem = problem(settled, token, place, role);
		if (problem != null) {
			return WriteResult.failed(Outcome.of(settled.kind()), action, token, changes, problem, settled.lost())
				.on(place);
		}
		return WriteResult.done(Outcome.of(settled.kind()), action, token, changes,
				notes(settled, token, place, role)).withRole(role).on(place).leaving(settled.state());
	}

	private static Change change(ApiToken token, Place place, String role) {
		return Change.asked("role", place.roleOf(token), role);
	}

	/** The E5 that sets (or, with a null role, drops) the token's role on the deployment; every other role kept. */
	Request<TokenRolesResult> request(ApiToken token, Place place, String role) {
		return gateway.updateTokenRoles(token.id(), withRole(token, place, role));
	}

	/**
	 * Sends it, and reads the roles back.
	 * @param token the token as this command read it just before (E3 or the list it fetched)
	 * @return how it ended; its state is the token as read back (null when gone or not read)
	 */
	Settled<ApiToken> send(ApiToken token, Place place, String role) {
		return send(token, token, place, role);
	}

	/**
	 * The same, after a write of this command's own that {@code latest} shows (an update's rename): the list sent is
	 * {@code latest}'s, the newest read of the token, and the role change is confirmed not done only when the token was
	 * last changed by that write, and by nobody since.
	 */
	Settled<ApiToken> send(ApiToken token, ApiToken latest, Place place, String role) {
		UpdateTokenRolesRequest sent = withRole(latest, place, role);
		try {
			return gateway.settleAndCheck(gateway.updateTokenRoles(token.id(), sent),
					() -> found(token, latest, place, role, sent));
		}
		finally {
			tokens.invalidate();
		}
	}

	private Found<ApiToken> found(ApiToken before, ApiToken latest, Place place, String role,
			UpdateTokenRolesRequest sent) {
		Optional<ApiToken> read = gateway.tokenIfAny(TokenResolver.FETCHING_TOKEN, before.id());
		if (read.isEmpty()) {
			return Settled.changedByAnother(null);
		}
		ApiToken now = read.get();
		// this deployment's entry as sent is what this write is about; another writer's change to the token's other
		// roles is said beside it (notes), never taken for this write's failure
		if (sameRoles(now.roles(), sent.roles()) || Objects.equals(place.roleOf(now), role)) {
			return Settled.inPlace(now);
		}
		// "not changed" only when nobody changed the token since: else another writer may have undone this write
		if (Objects.equals(place.roleOf(now), place.roleOf(latest))
				&& Objects.equals(now.updatedAt(), latest.updatedAt())) {
			return Settled.notThere(now);
		}
		return Settled.changedByAnother(now);
	}

	/** The failure line of a role change not known done, or null when it is. */
	static String problem(Settled<ApiToken> settled, ApiToken before, Place place, String role) {
		return switch (settled.kind()) {
			case DONE, DONE_CONFIRMED_AFTER_LOST_ANSWER -> null;
			case NOT_DONE_CONFIRMED -> "the role of " + before.name() + " was not changed: "
					+ settled.lost().getMessage() + " (confirmed by reading the token back)";
			case UNKNOWN -> LostAnswer.mayHaveHappened(
					"the change of the role of " + before.name() + " on the " + place,
					settled.lost(), settled.readFailure());
			case CONFLICT -> settled.state() == null ? LostAnswer.gone(before.name(), settled.lost())
					: changedMeanwhile(before, place, role, settled.state(), settled.lost());
		};
	}

	/**
	 * How a role change known done is known: after a lost answer, or without the check for other writers; and
	 * another writer's change to the token's other roles, when the read-back shows one.
	 */
	static List<String> notes(Settled<ApiToken> settled, ApiToken before, Place place, String role) {
		List<String> notes = new ArrayList<>();
		if (settled.kind() == Settled.Kind.DONE_CONFIRMED_AFTER_LOST_ANSWER) {
			notes.add(LostAnswer.CONFIRMED_NOTE);
		}
		if (settled.readFailure() != null) {
			// the write was answered: it happened; only the check for a concurrent writer is missing
			notes.add("the roles could not be read back to check for a concurrent change: "
					+ settled.readFailure().getMessage());
		}
		ApiToken now = settled.state();
		if (now != null && !sameRoles(now.roles(), withRole(before, place, role).roles())) {
			notes.add("another writer changed its other roles meanwhile; its roles now: " + describe(now.roles()));
		}
		return notes;
	}

	/** Another writer replaced the role list around this command's E5: which change was lost, and what is there. */
	private static String changedMeanwhile(ApiToken before, Place place, String role, ApiToken now,
			ApiException lost) {
		String change = "role on " + place.id() + ": " + show(place.roleOf(before)) + " -> "
				+ show(role);
		String fate = lost == null ? "was lost"
				: "is not there, and whether it was carried out first cannot be told (" + lost.getMessage() + ")";
		return "the roles of " + before.name() + " were changed by another writer meanwhile: this change (" + change
				+ ") " + fate + "; its roles now: " + describe(now.roles());
	}

	private static boolean sameRoles(List<TokenRole> a, List<TokenRole> b) {
		return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
	}

	private static String show(String role) {
		return role == null ? "none" : role;
	}

	static String describe(List<TokenRole> roles) {
		if (roles.isEmpty()) {
			return "none";
		}
		return roles.stream()
			.map(r -> r.role() + " on " + r.entityType() + " " + r.entityId())
			.collect(Collectors.joining(", "));
	}

	/**
	 * The token's whole role list with this entity's entries replaced by one (DAG and other roles kept): every
	 * entry on it goes, so that a duplicate left by older data cannot keep a role the user took away.
	 */
	static UpdateTokenRolesRequest withRole(ApiToken token, Place place, String role) {
		List<TokenRole> roles = new ArrayList<>();
		boolean replaced = false;
		for (TokenRole r : token.roles()) {
			if (place.holds(r)) {
				if (role != null && !replaced) {
					roles.add(place.role(role));
				}
				replaced = true;
			}
			else {
				roles.add(r);
			}
		}
		if (!replaced && role != null) {
			roles.add(place.role(role));
		}
		return new UpdateTokenRolesRequest(roles);
	}
}
