package dev.astroshell.token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.Apis;

import org.springframework.stereotype.Component;

/**
 * E5 for one deployment. E5 replaces the token's whole role list, so the list sent is the token's as this command
 * read it just before (never a cached one) with only that deployment's entry changed, and the roles are read back
 * afterwards: a change another writer overwrote is reported, never lost silently. A lost answer is settled by the
 * read-back too.
 */
@Component
class RoleWrites {

	/** The role change was not carried out: known from a clear refusal's cause, or confirmed by reading back. */
	static final class RoleNotChanged extends CliException {

		RoleNotChanged(String message, ApiException cause) {
			super(message, ExitCodes.FAILURE, cause);
		}
	}

	private final TokenContext context;

	private final Tokens tokens;

	private final ReadBack readBack;

	RoleWrites(TokenContext context, Tokens tokens, ReadBack readBack) {
		this.context = context;
		this.tokens = tokens;
		this.readBack = readBack;
	}

	/**
	 * Sets (or, with a null role, drops) the token's role on the deployment; every other role is kept.
	 * @param token the token as this command read it just before (E3 or the list it fetched)
	 * @return a note for the success line ({@link ReadBack#CONFIRMED}), or null
	 * @throws ApiException when the API clearly refused (nothing was written)
	 * @throws RoleNotChanged when the answer was lost and the read-back shows the role unchanged
	 * @throws CliException when another writer's change replaced this one, or the outcome cannot be known
	 */
	String setDeploymentRole(ApiToken token, String deploymentId, String role) {
		UpdateTokenRolesRequest sent = withDeploymentRole(token, deploymentId, role);
		String what = "the role of " + token.name() + " on the deployment " + deploymentId;
		try {
			Apis.await(context.api().updateTokenRoles(context.organizationId(), token.id(), sent));
		}
		catch (ApiException e) {
			tokens.invalidate();
			if (!ReadBack.answerLost(e)) {
				throw e;
			}
			ApiToken now = readBack.token(token.id(), "the change of " + what, e);
			if (now == null) {
				throw ReadBack.gone(token, e);
			}
			if (sameRoles(now.roles(), sent.roles())) {
				return ReadBack.CONFIRMED;
			}
			if (Objects.equals(now.deploymentRole(deploymentId), token.deploymentRole(deploymentId))) {
				throw new RoleNotChanged("the role of " + token.name() + " was not changed: " + e.getMessage()
						+ " (confirmed by reading the token back)", e);
			}
			throw changedMeanwhile(token, deploymentId, role, now);
		}
		tokens.invalidate();
		ApiToken now;
		try {
			now = Apis.await(context.api().getToken(context.organizationId(), token.id()));
		}
		catch (ApiException readFailure) {
			// the write was answered: it happened; only the check for a concurrent writer is missing
			return "(the roles could not be read back to check for a concurrent change: " + readFailure.getMessage()
					+ ")";
		}
		if (!sameRoles(now.roles(), sent.roles())) {
			throw changedMeanwhile(token, deploymentId, role, now);
		}
		return null;
	}

	/** Another writer replaced the role list around this command's E5: which change was lost, and what is there. */
	private static CliException changedMeanwhile(ApiToken before, String deploymentId, String role, ApiToken now) {
		String change = "role on " + deploymentId + ": " + show(before.deploymentRole(deploymentId)) + " -> "
				+ show(role);
		String fate = Objects.equals(now.deploymentRole(deploymentId), role)
				? "this change (" + change + ") is in place, but the token's other roles are not the ones sent"
				: "this change (" + change + ") was lost";
		return CliException.failure("the roles of " + before.name() + " were changed by another writer meanwhile: "
				+ fate + "; its roles now: " + describe(now.roles()));
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

	/** The token's whole role list with only this deployment's entry replaced (DAG and other roles kept). */
	static UpdateTokenRolesRequest withDeploymentRole(ApiToken token, String deploymentId, String role) {
		List<TokenRole> roles = new ArrayList<>();
		boolean replaced = false;
		for (TokenRole r : token.roles()) {
			if (!replaced && r.entityType() == EntityType.DEPLOYMENT && r.entityId().equals(deploymentId)) {
				if (role != null) {
					roles.add(TokenRole.deployment(deploymentId, role));
				}
				replaced = true;
			}
			else {
				roles.add(r);
			}
		}
		if (!replaced && role != null) {
			roles.add(TokenRole.deployment(deploymentId, role));
		}
		return new UpdateTokenRolesRequest(roles);
	}
}
