package dev.astroshell.token;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.cli.CliException;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.session.Session;

import org.springframework.stereotype.Service;

/**
 * A workspace or organization token's role on a deployment: add, update, remove, list (spec §2.2). Every write
 * is one E5 with the token's whole role set and only this deployment's entry changed.
 */
@Service
public class TokenGrants {

	private final TokenService tokens;

	private final Tokens lists;

	private final Deployments deployments;

	private final Session session;

	private final Prompter prompter;

	public TokenGrants(TokenService tokens, Tokens lists, Deployments deployments, Session session, Prompter prompter) {
		this.tokens = tokens;
		this.lists = lists;
		this.deployments = deployments;
		this.session = session;
		this.prompter = prompter;
	}

	/** Gives a workspace's (or the organization's) token a role on the deployment. */
	public String add(GrantKind kind, String tokenId, String name, String role, String workspaceIdOption,
			String deploymentIdOption) {
		String deploymentId = deployments.resolveId(deploymentIdOption);
		ApiToken token = tokens.resolve(tokenId, name, addLookup(kind, workspaceIdOption, deploymentId));
		return grant(kind, token, deploymentId, role, "added to");
	}

	/** Changes the role on the deployment of a token that has one. */
	public String update(GrantKind kind, String tokenId, String name, String role, String deploymentIdOption) {
		String deploymentId = deployments.resolveId(deploymentIdOption);
		ApiToken token = tokens.resolve(tokenId, name, new TokenLookup(kind.scope, kind.label,
				() -> lists.ofDeployment(deploymentId), deploymentId, true, null));
		return grant(kind, token, deploymentId, role, "updated on");
	}

	/** Drops the token's role on the deployment; its other roles are kept. */
	public String remove(GrantKind kind, String tokenId, String name, String workspaceIdOption,
			String deploymentIdOption) {
		String deploymentId = deployments.resolveId(deploymentIdOption);
		TokenLookup among = addLookup(kind, workspaceIdOption, deploymentId);
		ApiToken token = tokens.resolve(tokenId, name, new TokenLookup(kind.scope, kind.label,
				() -> among.candidates().get().stream().filter(t -> t.deploymentRole(deploymentId) != null).toList(),
				deploymentId, true, among.owner()));
		Apis.await(session.api()
			.updateTokenRoles(session.organizationId(), token.id(),
					TokenService.withDeploymentRole(token, deploymentId, null)));
		lists.invalidate();
		return "Astro " + kind.label + " API token " + token.name() + " was successfully removed from the Deployment";
	}

	/** The deployment's tokens of this kind. */
	public List<ApiToken> list(GrantKind kind, String deploymentIdOption) {
		String deploymentId = deployments.resolveId(deploymentIdOption);
		return lists.ofDeployment(deploymentId).stream().filter(t -> t.scope() == kind.scope).toList();
	}

	/** add and remove look among the workspace's tokens (or the organization's), not only the deployment's. */
	private TokenLookup addLookup(GrantKind kind, String workspaceIdOption, String deploymentId) {
		if (kind == GrantKind.ORGANIZATION) {
			return new TokenLookup(kind.scope, kind.label, lists::ofOrganization, deploymentId, false, null);
		}
		String workspaceId = workspaceIdOption != null && !workspaceIdOption.isBlank() ? workspaceIdOption.trim()
				: session.current().workspaceId();
		if (workspaceId == null) {
			throw CliException.usage(
					"required flag --workspace-id not set. To find valid values, run: workspace list");
		}
		Supplier<List<ApiToken>> candidates = () -> lists.ofWorkspace(workspaceId);
		return new TokenLookup(kind.scope, kind.label, candidates, deploymentId, false,
				t -> t.roles().stream()
					.anyMatch(r -> r.entityType() == EntityType.WORKSPACE && r.entityId().equals(workspaceId)) ? null
							: "the token " + t.name() + " (" + t.id() + ") does not belong to the workspace "
									+ workspaceId);
	}

	private String grant(GrantKind kind, ApiToken token, String deploymentId, String requestedRole, String verb) {
		String current = token.deploymentRole(deploymentId);
		String role = chooseRole(kind, requestedRole, current);
		String done = "Astro " + kind.label + " API token " + token.name() + " was successfully " + verb
				+ " the Deployment";
		if (Objects.equals(role, current)) {
			return done + " (its role there was already " + role + ")";
		}
		Apis.await(session.api()
			.updateTokenRoles(session.organizationId(), token.id(),
					TokenService.withDeploymentRole(token, deploymentId, role)));
		lists.invalidate();
		return done + "\nrole: " + (current == null ? "none" : current) + " -> " + role;
	}

	/** --role (validated, never empty), else the role selector; a missing role never removes one. */
	private String chooseRole(GrantKind kind, String requested, String current) {
		if (requested != null) {
			if (requested.isBlank()) {
				throw CliException.usage("the role cannot be empty; to take the " + kind.label
						+ " API token off the Deployment, use remove");
			}
			return tokens.validRole(requested);
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("missing role: pass --role (DEPLOYMENT_ADMIN or a custom deployment role)");
		}
		return tokens.selectRole(current);
	}
}
