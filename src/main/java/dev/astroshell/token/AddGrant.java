package dev.astroshell.token;

import org.springframework.stereotype.Component;

/** deployment token workspace-token add and organization-token add: a token of its kind given a role on the deployment. */
@Component
public class AddGrant implements WriteUseCase<AddGrant.Options> {

	/**
	 * Which token, and its role; null means "not given".
	 * @param workspaceId the workspace whose tokens are looked up (workspace tokens; default: the current one)
	 */
	public record Options(GrantKind kind, String tokenId, String name, String role, String workspaceId,
			String deploymentId) {

		private Granting.Asked asked() {
			return new Granting.Asked(kind.add, tokenId, name, role, workspaceId, deploymentId);
		}
	}

	private final Granting granting;

	AddGrant(Granting granting) {
		this.granting = granting;
	}

	@Override
	public Preview preview(Options o) {
		return granting.preview(o.asked(), false);
	}

	@Override
	public WriteResult run(Options o) {
		return granting.write(o.asked(), false);
	}
}
