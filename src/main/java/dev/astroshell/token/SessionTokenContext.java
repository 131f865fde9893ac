package dev.astroshell.token;

import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/** The {@link TokenContext} of the shell: the session's current context. */
@Component
class SessionTokenContext implements TokenContext {

	private final Session session;

	private final Deployments deployments;

	SessionTokenContext(Session session, Deployments deployments) {
		this.session = session;
		this.deployments = deployments;
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
	public String currentWorkspaceId() {
		return session.current().workspaceId();
	}
}
