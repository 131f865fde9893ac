package dev.astroshell.deployment;

import java.util.List;
import java.util.regex.Pattern;

import dev.astroshell.api.Deployment;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.ListCache;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/** Reads deployments (cached for completion and pickers) and decides which deployment a command works on. */
@Component
public class Deployments {

	/** The column of {@link #cells} that gives way on a narrow terminal. */
	private static final int WHERE = 2;

	private static final Choices.Kind<Deployment> KIND = new Choices.Kind<>("deployment", Deployment::id,
			Deployment::name, Deployments::cells, WHERE);

	static final String REQUIRED = "required flag --deployment-id not set. To find valid values, run: deployment list";

	/** Astro's IDs are cuids: 25 lower-case letters and digits starting with c. */
	private static final Pattern ID = Pattern.compile("c[a-z0-9]{24}");

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final ApiGateway gateway;

	public Deployments(Session session, ListCache cache, Prompter prompter, ApiGateway gateway) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.gateway = gateway;
	}

	/** The current workspace's deployments, or the organization's when {@code all} or no workspace is set. */
	public List<Deployment> list(boolean all) {
		SessionContext c = session.resolved();
		String workspace = all ? null : c.workspaceId();
		return cache.get("deployments:" + c.organizationId() + ":" + (workspace == null ? "*" : workspace),
				() -> gateway.deployments(ApiGateway.fetching("deployments"),
						workspace == null ? List.of() : List.of(workspace)));
	}

	/**
	 * The deployment a command works on: the one given, else the session's, else one the user picks (interactive)
	 * or the error naming --deployment-id (docs/commands.md §2).
	 */
	public String resolveId(String given) {
		if (given != null && !given.isBlank()) {
			// given by ID or name, as 'deployment switch' takes it; an ID goes to the API as it is, without a look-up
			String idOrName = given.trim();
			return ID.matcher(idOrName).matches() ? idOrName
					: Choices.byIdOrName(prompter, KIND, idOrName, list(true)).id();
		}
		SessionContext c = session.current();
		if (c.deploymentId() != null) {
			return c.deploymentId();
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException(REQUIRED);
		}
		return select("Select a Deployment:").id();
	}

	/**
	 * For completion: the deployment given by ID or name, found as {@link #resolveId} finds it, else the current one;
	 * null when there is none or several of that name. Never asks.
	 */
	public String knownId(String given) {
		if (given == null || given.isBlank()) {
			return session.current().deploymentId();
		}
		String idOrName = given.trim();
		if (ID.matcher(idOrName).matches()) {
			return idOrName;
		}
		List<Deployment> found = Choices.withIdOrName(idOrName, list(true), Deployment::id, Deployment::name);
		return found.size() == 1 ? found.get(0).id() : null;
	}

	Deployment select(String title) {
		List<Deployment> deployments = list(false);
		String current = session.current().deploymentId();
		int initial = Math.max(0, indexOf(deployments, current));
		return Choices.select(prompter, title, deployments, Deployments::cells, WHERE, initial);
	}

	/**
	 * A deployment as the picker shows it: its name and ID, which tell deployments apart and stay whole, each in its
	 * own column so that the IDs line up, then where it is, which gives way on a narrow terminal.
	 */
	private static String[] cells(Deployment d) {
		return new String[] { d.name(), d.id(),
				"(" + (d.workspaceName() == null ? d.workspaceId() : d.workspaceName()) + ", " + d.status() + ")" };
	}

	private static int indexOf(List<Deployment> deployments, String id) {
		for (int i = 0; i < deployments.size(); i++) {
			if (deployments.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The deployment given by ID or name (among the organization's), or picked among the workspace's (interactive),
	 * made the session's current one.
	 */
	Deployment switchTo(String nameOrId) {
		Deployment chosen = Choices.namedOrPicked(prompter, KIND, nameOrId, () -> list(true), () -> list(false),
				session.current().deploymentId());
		makeCurrent(chosen);
		return chosen;
	}

	/** Makes a deployment the session's current one, with its workspace. */
	private SessionContext makeCurrent(Deployment d) {
		return session.setDeployment(new Ref(d.workspaceId(), d.workspaceName()), new Ref(d.id(), d.name()));
	}
}
