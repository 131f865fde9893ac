package dev.astroshell.token;

import org.springframework.stereotype.Component;

/**
 * deployment token workspace-token remove and organization-token remove: the token's role on the deployment dropped,
 * its other roles kept.
 */
@Component
public class RemoveGrant implements WriteUseCase<RemoveGrant.Options> {

	/**
	 * Which token; null means "not given".
	 * @param workspaceId the workspace whose tokens are looked up (workspace tokens; default: the current one)
	 */
	public record Options(GrantKind kind, String tokenId, String name, String workspaceId, String deploymentId) {

		private Granting.Asked asked() {
			return new Granting.Asked(kind.remove, tokenId, name, null, workspaceId, deploymentId);
		}
	}

	private final Granting granting;

	RemoveGrant(Granting granting) {
		this.granting = granting;
	}

	@Override
	public Preview preview(Options o) {
		return granting.preview(o.asked(), true);
	}

	@Override
	public WriteResult run(Options o) {
		return granting.write(o.asked(), true);
	}
}
