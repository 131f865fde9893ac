package dev.astroshell.api;

import java.util.List;

/** Body of E5: the token's whole role set, which replaces the old one. */
public record UpdateTokenRolesRequest(List<TokenRole> roles) {

	public UpdateTokenRolesRequest {
		roles = List.copyOf(roles);
	}
}
