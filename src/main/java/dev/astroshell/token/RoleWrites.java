package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.session.Apis;

import org.springframework.stereotype.Component;

/** E5 for one deployment: the token's whole role list is sent back with only that deployment's entry changed. */
@Component
class RoleWrites {

	private final TokenContext context;

	private final Tokens tokens;

	RoleWrites(TokenContext context, Tokens tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/** Sets (or, with a null role, drops) the token's role on the deployment; every other role is kept. */
	void setDeploymentRole(ApiToken token, String deploymentId, String role) {
		try {
			Apis.await(context.api()
				.updateTokenRoles(context.organizationId(), token.id(), withDeploymentRole(token, deploymentId, role)));
		}
		finally {
			tokens.invalidate();
		}
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
