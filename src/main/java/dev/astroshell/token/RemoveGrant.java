package dev.astroshell.token;

import org.springframework.stereotype.Component;

/**
 * deployment token workspace-token remove and organization-token remove: the token's role on the deployment dropped,
 * its other roles kept, after the confirmation delete asks of the same token.
 */
@Component
public class RemoveGrant extends GrantWrite<RemoveGrant.Options> {

	/**
	 * Which token; null means "not given".
	 * @param workspaceId the workspace whose tokens are looked up (workspace tokens; default: the current one)
	 * @param entityId the deployment or workspace the role is on (default: the current one)
	 * @param force remove without asking
	 */
	public record Options(GrantKind kind, String tokenId, String name, String workspaceId, String entityId,
			boolean force) {
	}

	RemoveGrant(Granting granting) {
		super(granting, true);
	}

	@Override
	Granting.Asked asked(Options o) {
		return new Granting.Asked(o.kind().remove(), o.tokenId(), o.name(), null, o.workspaceId(), o.kind().on(),
				o.entityId(),
				o.force());
	}
}
