package dev.astroshell.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.astroshell.sandbox.ApiDocs.TokenRole;

/**
 * What a caller's token may do with tokens, by its roles: the sandbox's reading of Astro's role model (Astro's
 * documentation: Organization Owners manage organization API tokens, Workspace Owners manage workspace API tokens,
 * Workspace Operators manage the deployment API tokens of their workspace).
 *
 * <pre>
 * role of the caller                                  reads tokens of          manages (create, rename, rotate,
 *                                                                              delete, grant or remove roles) on
 * ORGANIZATION_OWNER                                  the whole organization   the whole organization
 * ORGANIZATION_MEMBER, _BILLING_ADMIN, custom         the whole organization   nothing
 * WORKSPACE_OWNER on W                                W and its deployments    W and its deployments
 * WORKSPACE_OPERATOR on W                             W and its deployments    W's deployments
 * WORKSPACE_AUTHOR, _MEMBER, _ACCESSOR, custom on W   W and its deployments    nothing
 * DEPLOYMENT_ADMIN on D                               D                        D
 * a custom deployment role, or a DAG role, on D       D                        nothing
 * </pre>
 *
 * Whoever manages an entity holds the highest role there, so a token never grants a role above its own. A
 * deployment token counts only its roles on its own deployment, a workspace token only those within its workspace.
 * Organization, workspace, deployment and role metadata is readable by every token of the organization. A token is
 * read by who reads its own entity or an entity it has a role on; to any other caller it does not exist.
 */
final class Access {

	/** An organization, workspace or deployment; {@code workspaceId} is a deployment's workspace, when known. */
	record Entity(String type, String id, String workspaceId) {

		static Entity organization(String id) {
			return new Entity("ORGANIZATION", id, null);
		}

		static Entity workspace(String id) {
			return new Entity("WORKSPACE", id, null);
		}

		@Override
		public String toString() {
			return type.toLowerCase() + " " + id;
		}
	}

	private final String organizationId;

	private final List<TokenRole> roles;

	private final Function<String, Optional<String>> workspaceOfDeployment;

	/**
	 * @param scope the caller token's scope; @param entityId the entity it belongs to
	 * @param workspaceOfDeployment a deployment's workspace, empty if there is no such deployment
	 */
	Access(String organizationId, String scope, String entityId, List<TokenRole> roles,
			Function<String, Optional<String>> workspaceOfDeployment) {
		this.organizationId = organizationId;
		this.workspaceOfDeployment = workspaceOfDeployment;
		List<TokenRole> all = roles == null ? List.of() : roles;
		this.roles = switch (scope) {
			case "DEPLOYMENT" -> all.stream().filter(r -> entityId.equals(entity(r).id())).toList();
			case "WORKSPACE" -> all.stream().filter(r -> entityId.equals(workspaceOf(entity(r)))).toList();
			default -> all;
		};
	}

	/** The entity a role is on: a DAG or DAG tag role is on its deployment. */
	Entity entity(TokenRole role) {
		return switch (role.entityType()) {
			case "ORGANIZATION" -> Entity.organization(role.entityId());
			case "WORKSPACE" -> Entity.workspace(role.entityId());
			case "DEPLOYMENT" -> deployment(role.entityId());
			default -> deployment(role.deploymentId());
		};
	}

	Entity deployment(String deploymentId) {
		return new Entity("DEPLOYMENT", deploymentId,
				deploymentId == null ? null : workspaceOfDeployment.apply(deploymentId).orElse(null));
	}

	Entity organization() {
		return Entity.organization(organizationId);
	}

	boolean canRead(Entity entity) {
		return switch (entity.type()) {
			case "ORGANIZATION" -> has(r -> r.entityType().equals("ORGANIZATION"));
			case "WORKSPACE" -> canRead(organization()) || has(r -> on(r, "WORKSPACE", entity.id()));
			default -> canRead(organization())
					|| entity.workspaceId() != null && has(r -> on(r, "WORKSPACE", entity.workspaceId()))
					|| has(r -> entity.id().equals(entity(r).id()) && entity(r).type().equals("DEPLOYMENT"));
		};
	}

	boolean canManage(Entity entity) {
		if (has(r -> r.entityType().equals("ORGANIZATION") && r.role().equals("ORGANIZATION_OWNER"))) {
			return true;
		}
		return switch (entity.type()) {
			case "ORGANIZATION" -> false;
			case "WORKSPACE" -> has(r -> on(r, "WORKSPACE", entity.id()) && r.role().equals("WORKSPACE_OWNER"));
			default -> has(r -> on(r, "DEPLOYMENT", entity.id()) && r.role().equals("DEPLOYMENT_ADMIN"))
					|| entity.workspaceId() != null && has(r -> on(r, "WORKSPACE", entity.workspaceId())
							&& (r.role().equals("WORKSPACE_OWNER") || r.role().equals("WORKSPACE_OPERATOR")));
		};
	}

	/** 403 unless the caller reads the entity's tokens; {@code action} e.g. "list tokens of". */
	void requireRead(Entity entity, String action) {
		if (!canRead(entity)) {
			throw denied(action, entity, switch (entity.type()) {
				case "ORGANIZATION" -> "an organization role, e.g. ORGANIZATION_MEMBER";
				case "WORKSPACE" -> "a role on it, or an organization role";
				default -> "a role on it, on " + workspaceName(entity) + ", or an organization role";
			});
		}
	}

	/** 403 unless the caller manages the entity's tokens and roles; {@code action} e.g. "rotate tokens of". */
	void requireManage(Entity entity, String action) {
		if (!canManage(entity)) {
			throw denied(action, entity, switch (entity.type()) {
				case "ORGANIZATION" -> "ORGANIZATION_OWNER";
				case "WORKSPACE" -> "WORKSPACE_OWNER on it, or ORGANIZATION_OWNER";
				default -> "DEPLOYMENT_ADMIN on it, WORKSPACE_OPERATOR or WORKSPACE_OWNER on " + workspaceName(entity)
						+ ", or ORGANIZATION_OWNER";
			});
		}
	}

	private static ApiError denied(String action, Entity entity, String needs) {
		return ApiError.forbidden("this API token cannot " + action + " " + entity + " (needs " + needs + ")");
	}

	private static String workspaceName(Entity deployment) {
		return deployment.workspaceId() == null ? "its workspace" : "workspace " + deployment.workspaceId();
	}

	private String workspaceOf(Entity entity) {
		return entity.type().equals("WORKSPACE") ? entity.id() : entity.workspaceId();
	}

	private boolean has(Predicate<TokenRole> test) {
		return roles.stream().anyMatch(test);
	}

	private static boolean on(TokenRole role, String entityType, String entityId) {
		return role.entityType().equals(entityType) && role.entityId().equals(entityId);
	}
}
