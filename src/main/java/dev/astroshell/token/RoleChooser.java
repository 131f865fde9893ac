package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.TerminalText;

import org.springframework.stereotype.Component;

/**
 * The role a command writes: {@code --role} validated before any write (DEPLOYMENT_ADMIN or a custom deployment
 * role), else the role selector, titled with the token, its kind and the deployment, with the current role marked
 * and preselected (for a token without one, a role other than DEPLOYMENT_ADMIN).
 */
@Component
class RoleChooser {

	static final String MISSING_ROLE = "missing role: pass --role (DEPLOYMENT_ADMIN or a custom deployment role)";

	private final TokenContext context;

	private final Tokens tokens;

	RoleChooser(TokenContext context, Tokens tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/** The selector's title, e.g. {@code Role of `Ci Deploy Token` (Deployment API token) on etl-prod}. */
	static String title(String tokenName, TokenScope scope, String deploymentName) {
		return "Role of `" + TerminalText.oneLine(tokenName) + "` (" + TokenLookup.label(scope) + ") on "
				+ TerminalText.oneLine(deploymentName);
	}

	/**
	 * update: --role; else the selector, when the user named nothing but the token ({@code ask}) in an interactive
	 * session; else the current role is kept.
	 */
	String forUpdate(Questions ask, ApiToken token, String deploymentId, String requested, boolean onlyTheTokenNamed) {
		if (requested != null) {
			return valid(requested);
		}
		String current = token.deploymentRole(deploymentId);
		if (!onlyTheTokenNamed || !ask.allowed()) {
			return current;
		}
		return select(ask, token.name(), token.scope(), deploymentId, current);
	}

	/** create: --role, else the selector; a non-interactive run must pass --role. */
	String forCreate(Questions ask, String tokenName, String deploymentId, String requested) {
		if (requested != null) {
			return valid(requested);
		}
		return select(ask, tokenName, TokenScope.DEPLOYMENT, deploymentId, null);
	}

	/** A grant: --role (never empty: a missing role never removes one), else the selector. */
	String forGrant(Questions ask, ApiToken token, String deploymentId, String requested) {
		if (requested != null) {
			if (requested.isBlank()) {
				throw CliException.usage("the role cannot be empty; to take the " + TokenLookup.label(token.scope())
						+ " off the Deployment, use remove");
			}
			return valid(requested);
		}
		return select(ask, token.name(), token.scope(), deploymentId, token.deploymentRole(deploymentId));
	}

	private String select(Questions ask, String tokenName, TokenScope scope, String deploymentId, String currentRole) {
		ask.require(MISSING_ROLE); // before reading the roles to choose from
		List<String> roles = new ArrayList<>(tokens.deploymentRoles());
		if (currentRole != null && !roles.contains(currentRole)) {
			roles.add(0, currentRole);
		}
		int initial = currentRole != null ? roles.indexOf(currentRole) : leastPowerful(roles);
		List<String> labels = roles.stream().map(r -> r.equals(currentRole) ? r + " (current)" : r).toList();
		String title = title(tokenName, scope, context.deploymentName(deploymentId));
		return roles.get(ask.select(title, labels, initial, MISSING_ROLE));
	}

	/**
	 * Where the selector of a token without a role starts: not on DEPLOYMENT_ADMIN, the most powerful role, which an
	 * unwary Enter would grant; the first other role, as their powers cannot be ranked.
	 */
	private static int leastPowerful(List<String> roles) {
		return roles.stream().filter(r -> !r.equals(Tokens.DEPLOYMENT_ADMIN)).findFirst().map(roles::indexOf).orElse(0);
	}

	private String valid(String role) {
		String r = role.trim();
		if (r.equals(Tokens.DEPLOYMENT_ADMIN)) {
			return r;
		}
		List<String> valid = tokens.deploymentRoles();
		if (!valid.contains(r)) {
			throw CliException.usage("invalid role '" + role + "': use one of " + String.join(", ", valid));
		}
		return r;
	}
}
