package dev.astroshell.token;

import java.util.Objects;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Service;

/**
 * A workspace or organization token's role on a deployment: add, update, remove, list (spec §2.2). Every write
 * is one E5 with the token's whole role set and only this deployment's entry changed.
 */
@Service
public class TokenGrants {

	private final TokenContext context;

	private final Tokens lists;

	private final TokenResolver resolver;

	private final RoleChooser roles;

	private final RoleWrites roleWrites;

	TokenGrants(TokenContext context, Tokens lists, TokenResolver resolver, RoleChooser roles, RoleWrites roleWrites) {
		this.context = context;
		this.lists = lists;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrites = roleWrites;
	}

	/** Gives a workspace's (or the organization's) token a role on the deployment. */
	public String add(GrantKind kind, String tokenId, String name, String role, String workspaceIdOption,
			String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		Where where = resolver.where(kind.add, deploymentId, workspaceIdOption);
		return grant(kind, resolver.resolve(kind.add, where, tokenId, name), deploymentId, role);
	}

	/** Changes the role on the deployment of a token that has one. */
	public String update(GrantKind kind, String tokenId, String name, String role, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		ApiToken token = resolver.resolve(kind.update, resolver.where(kind.update, deploymentId, null), tokenId, name);
		return grant(kind, token, deploymentId, role);
	}

	/** Drops the token's role on the deployment; its other roles are kept. */
	public String remove(GrantKind kind, String tokenId, String name, String workspaceIdOption,
			String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		Where where = resolver.where(kind.remove, deploymentId, workspaceIdOption);
		ApiToken token = resolver.resolve(kind.remove, where, tokenId, name);
		String note = roleWrites.setDeploymentRole(token, deploymentId, null);
		return "Astro " + kind.label() + " " + TerminalText.oneLine(token.name())
				+ " was successfully removed from the Deployment"
				+ (note == null ? "" : " " + note);
	}

	/** The deployment's tokens of this kind. */
	public TokenListing list(GrantKind kind, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		return new TokenListing(deploymentId,
				lists.ofDeployment(deploymentId).stream().filter(t -> t.scope() == kind.scope).toList());
	}

	/** Sets the role; "added to" only when the token had none there (add on an attached token updates it). */
	private String grant(GrantKind kind, ApiToken token, String deploymentId, String requestedRole) {
		String current = token.deploymentRole(deploymentId);
		String role = roles.forGrant(token, deploymentId, requestedRole);
		String named = "Astro " + kind.label() + " " + TerminalText.oneLine(token.name());
		if (Objects.equals(role, current)) {
			return named + ": nothing to change (its role on the Deployment is already " + TerminalText.oneLine(role)
					+ ")";
		}
		String note = roleWrites.setDeploymentRole(token, deploymentId, role);
		String from = current == null ? "none" : TerminalText.oneLine(current);
		return named + " was successfully " + (current == null ? "added to" : "updated on") + " the Deployment"
				+ (note == null ? "" : " " + note) + "\nrole: " + from + " -> " + TerminalText.oneLine(role);
	}
}
