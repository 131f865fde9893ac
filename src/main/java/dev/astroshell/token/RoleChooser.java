package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.TerminalText;

import org.springframework.stereotype.Component;

/**
 * The role a command writes on its entity ({@link Place}): {@code --role} validated before any write (one of the
 * roles of that kind of entity: DEPLOYMENT_ADMIN or a custom deployment role, the workspace roles…), else the role
 * selector, titled with the token, its kind and the entity, with the current role marked and preselected (for a token
 * without one, the first role other than the most powerful one).
 */
@Component
class RoleChooser {

	private final TokenContext context;

	private final Tokens tokens;

	RoleChooser(TokenContext context, Tokens tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/** "missing role: pass --role (DEPLOYMENT_ADMIN or a custom deployment role)". */
	static String missingRole(TokenFamily family) {
		return "missing role: pass --role (" + family.roleHint() + ")";
	}

	/** The selector's title, e.g. {@code Role of `Ci Deploy Token` (Deployment API token) on etl-prod}. */
	static String title(String tokenName, TokenScope scope, String entityName) {
		return "Role of `" + TerminalText.oneLine(tokenName) + "` (" + TokenLookup.label(scope) + ") on "
				+ TerminalText.oneLine(entityName);
	}

	/**
	 * update: --role; else the selector, when the user named nothing but the token ({@code ask}) in an interactive
	 * session; else the current role is kept.
	 */
	String forUpdate(Questions ask, ApiToken token, Place place, String requested, boolean onlyTheTokenNamed) {
		if (requested != null) {
			return valid(place.family(), requested);
		}
		String current = place.roleOf(token);
		if (!onlyTheTokenNamed || !ask.allowed()) {
			return current;
		}
		return select(ask, token.name(), token.scope(), place, current);
	}

	/** create: --role, else the selector; a non-interactive run must pass --role. */
	String forCreate(Questions ask, String tokenName, Place place, String requested) {
		if (requested != null) {
			return valid(place.family(), requested);
		}
		return select(ask, tokenName, place.family().scope(), place, null);
	}

	/** A grant: --role (never empty: a missing role never removes one), else the selector. */
	String forGrant(Questions ask, ApiToken token, Place place, String requested) {
		if (requested != null) {
			if (requested.isBlank()) {
				throw CliException.usage("the role cannot be empty; to take the " + TokenLookup.label(token.scope())
						+ " off the " + place.family().kind() + ", use remove");
			}
			return valid(place.family(), requested);
		}
		return select(ask, token.name(), token.scope(), place, place.roleOf(token));
	}

	private String select(Questions ask, String tokenName, TokenScope scope, Place place, String currentRole) {
		String missing = missingRole(place.family());
		ask.require(missing); // before reading the roles to choose from
		List<String> roles = new ArrayList<>(tokens.roles(place.family()));
		if (currentRole != null && !roles.contains(currentRole)) {
			roles.add(0, currentRole);
		}
		int initial = currentRole != null ? roles.indexOf(currentRole) : leastPowerful(roles, place.family());
		List<String> labels = roles.stream().map(r -> r.equals(currentRole) ? r + " (current)" : r).toList();
		String title = title(tokenName, scope, place.name(context));
		return roles.get(ask.select(title, labels, initial, missing));
	}

	/**
	 * Where the selector of a token without a role starts: not on the most powerful role (DEPLOYMENT_ADMIN…), which an
	 * unwary Enter would grant; the first other role (the built-in ones come least powerful first).
	 */
	private static int leastPowerful(List<String> roles, TokenFamily family) {
		return roles.stream().filter(r -> !r.equals(family.topRole())).findFirst().map(roles::indexOf).orElse(0);
	}

	private String valid(TokenFamily family, String role) {
		String r = role.trim();
		if (family.baseRoles().contains(r)) {
			return r;
		}
		List<String> valid = tokens.roles(family);
		if (!valid.contains(r)) {
			throw CliException.usage("invalid role '" + role + "': use one of " + String.join(", ", valid));
		}
		return r;
	}
}
