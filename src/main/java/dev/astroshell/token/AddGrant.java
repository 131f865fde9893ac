package dev.astroshell.token;

import org.springframework.stereotype.Component;

/**
 * deployment token workspace-token add and organization-token add, workspace token add: a token of its kind given a
 * role on the deployment or the workspace.
 */
@Component
public class AddGrant extends GrantWrite<AddGrant.Options> {

	/**
	 * Which token, and its role; null means "not given".
	 * @param workspaceId the workspace whose tokens are looked up (workspace tokens; default: the current one)
	 * @param entityId the deployment or workspace the role is on (default: the current one)
	 */
	public record Options(GrantKind kind, String tokenId, String name, String role, String workspaceId,
			String entityId) {
	}

	AddGrant(Granting granting) {
		super(granting, false);
	}

	@Override
	Granting.Asked asked(Options o) {
		return new Granting.Asked(o.kind().add(), o.tokenId(), o.name(), o.role(), o.workspaceId(), o.kind().on(),
				o.entityId(), false);
	}
}
