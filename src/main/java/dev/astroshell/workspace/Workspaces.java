package dev.astroshell.workspace;

import java.util.List;

import dev.astroshell.api.Workspace;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.ListCache;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/** Reads the organization's workspaces (cached for completion and the picker) and switches between them. */
@Component
public class Workspaces {

	private static final Choices.Kind<Workspace> KIND = new Choices.Kind<>("workspace", Workspace::id,
			Workspace::name, w -> new String[] { w.name(), w.id() }, 0); // the IDs stay whole, lined up

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final ApiGateway gateway;

	public Workspaces(Session session, ListCache cache, Prompter prompter, ApiGateway gateway) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.gateway = gateway;
	}

	/** The organization's workspaces. */
	public List<Workspace> list() {
		String org = session.organizationId();
		return cache.get("workspaces:" + org, () -> gateway.workspaces(ApiGateway.fetching("workspaces")));
	}

	/** The session's workspace ID, or null. */
	String currentId() {
		return session.current().workspaceId();
	}

	/** A workspace switch: the new context, and the deployment it cleared because it is in another workspace. */
	record Switched(SessionContext context, Ref clearedDeployment) {
	}

	/** The workspace given by ID or name, or picked (interactive), made the session's current one. */
	Switched switchTo(String nameOrId) {
		Workspace chosen = Choices.namedOrPicked(prompter, KIND, nameOrId, this::list, this::list, currentId());
		Ref previousDeployment = session.current().deployment();
		SessionContext c = session.setWorkspace(new Ref(chosen.id(), chosen.name()));
		return new Switched(c, c.deployment() == null ? previousDeployment : null);
	}
}
