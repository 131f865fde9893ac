package dev.astroshell.token;

import dev.astroshell.api.Deployment;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.Workspace;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext.Ref;
import dev.astroshell.workspace.Workspaces;

import org.springframework.stereotype.Component;

/** The {@link TokenContext} of the shell: the session's current context. */
@Component
class SessionTokenContext implements TokenContext {

	private final Session session;

	private final Deployments deployments;

	private final Workspaces workspaces;

	SessionTokenContext(Session session, Deployments deployments, Workspaces workspaces) {
		this.session = session;
		this.deployments = deployments;
		this.workspaces = workspaces;
	}

	@Override
	public String workspaceId(String given) {
		return workspaces.resolveId(given);
	}

	@Override
	public String organizationId() {
		return session.organizationId();
	}

	@Override
	public String organizationName() {
		Ref current = session.current().organization();
		return current == null ? session.organizationId() : current.display();
	}

	@Override
	public String resolveDeploymentId(String given) {
		return deployments.resolveId(given);
	}

	@Override
	public String deploymentName(String deploymentId) {
		Ref current = session.current().deployment();
		return current != null && current.id().equals(deploymentId) ? current.display() : deploymentId;
	}

	@Override
	public String workspaceName(String workspaceId) {
		Ref current = session.current().workspace();
		return current != null && current.id().equals(workspaceId) ? current.display() : workspaceId;
	}

	@Override
	public String knownDeploymentId(String given) {
		return deployments.knownId(given);
	}

	@Override
	public String entityName(EntityType type, String id) {
		if (EntityType.DEPLOYMENT.equals(type)) {
			return deployments.list(true).stream().filter(d -> d.id().equals(id)).map(Deployment::name).findFirst()
				.orElse(id);
		}
		if (EntityType.WORKSPACE.equals(type)) {
			return workspaces.list().stream().filter(w -> w.id().equals(id)).map(Workspace::name).findFirst().orElse(id);
		}
		if (EntityType.ORGANIZATION.equals(type)) {
			return id.equals(organizationId()) ? organizationName() : id;
		}
		return id; // a DAG's or a tag's ID is its name; a type this version does not know has none to look up
	}

	@Override
	public String currentWorkspaceId() {
		return session.current().workspaceId();
	}
}
