package dev.astroshell.token;

import org.springframework.stereotype.Component;

/**
 * deployment token workspace-token update and organization-token update, workspace token organization-token update:
 * the role of a token that has one changed.
 */
@Component
public class UpdateGrant extends GrantWrite<UpdateGrant.Options> {

	/**
	 * Which token, and its new role; null means "not given".
	 * @param entityId the deployment or workspace the role is on (default: the current one)
	 */
	public record Options(GrantKind kind, String tokenId, String name, String role, String entityId) {
	}

	UpdateGrant(Granting granting) {
		super(granting, false);
	}

	@Override
	Granting.Asked asked(Options o) {
		return new Granting.Asked(o.kind().update(), o.tokenId(), o.name(), o.role(), null, o.kind().on(), o.entityId(),
				false);
	}
}
