package dev.astroshell.token;

import org.springframework.stereotype.Component;

/** deployment token workspace-token update and organization-token update: the role of a token that has one changed. */
@Component
public class UpdateGrant implements WriteUseCase<UpdateGrant.Options> {

	/** Which token, and its new role; null means "not given". */
	public record Options(GrantKind kind, String tokenId, String name, String role, String deploymentId) {

		private Granting.Asked asked() {
			return new Granting.Asked(kind.update, tokenId, name, role, null, deploymentId);
		}
	}

	private final Granting granting;

	UpdateGrant(Granting granting) {
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
