package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.cli.CliException;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

import org.springframework.stereotype.Component;

/**
 * The role a command writes: {@code --role} validated before any write (DEPLOYMENT_ADMIN or a custom deployment
 * role), else the role selector with the current role marked and preselected.
 */
@Component
class RoleChooser {

	static final String SELECT_ROLE = "Please select a role for the Deployment API token:";

	static final String MISSING_ROLE = "missing role: pass --role (DEPLOYMENT_ADMIN or a custom deployment role)";

	private final Tokens tokens;

	private final Prompter prompter;

	RoleChooser(Tokens tokens, Prompter prompter) {
		this.tokens = tokens;
		this.prompter = prompter;
	}

	/** update: --role, else the selector in an interactive session, else the current role is kept. */
	String forUpdate(String requested, String currentRole) {
		if (requested != null) {
			return valid(requested);
		}
		if (!prompter.isInteractive()) {
			return currentRole;
		}
		return select(currentRole);
	}

	/** create: --role, else the selector; a non-interactive run must pass --role. */
	String forCreate(String requested) {
		if (requested != null) {
			return valid(requested);
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException(MISSING_ROLE);
		}
		return select(null);
	}

	/** A grant: --role (never empty: a missing role never removes one), else the selector. */
	String forGrant(String label, String requested, String currentRole) {
		if (requested != null) {
			if (requested.isBlank()) {
				throw CliException.usage("the role cannot be empty; to take the " + label
						+ " off the Deployment, use remove");
			}
			return valid(requested);
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException(MISSING_ROLE);
		}
		return select(currentRole);
	}

	private String select(String currentRole) {
		List<String> roles = new ArrayList<>(tokens.deploymentRoles());
		if (currentRole != null && !roles.contains(currentRole)) {
			roles.add(0, currentRole);
		}
		int initial = Math.max(0, roles.indexOf(currentRole));
		List<String> labels = roles.stream().map(r -> r.equals(currentRole) ? r + " (current)" : r).toList();
		return roles.get(prompter.select(SELECT_ROLE, labels, initial));
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
