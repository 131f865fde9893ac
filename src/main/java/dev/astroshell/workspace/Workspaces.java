package dev.astroshell.workspace;

import java.util.List;

import dev.astroshell.api.Workspace;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
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

	static final String REQUIRED = "required flag --workspace-id not set. To find valid values, run: workspace list";

	/**
	 * {@code --workspace-id} as workspace token commands take it: an ID or a name (several of that name: a selector, or
	 * an error listing their IDs), else the current workspace, else one the user picks (or a usage error).
	 */
	public String resolveId(String given) {
		if (given != null && !given.isBlank()) {
			return Choices.byIdOrName(prompter, KIND, given.trim(), list()).id();
		}
		if (currentId() != null) {
			return currentId();
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException(REQUIRED);
		}
		return Choices.namedOrPicked(prompter, KIND, null, this::list, this::list, null).id();
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
