package dev.astroshell.organization;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.Organization;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.ListCache;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/** Reads the organizations the credential sees (cached for completion and the picker) and switches between them. */
@Component
class Organizations {

	private static final Choices.Kind<Organization> KIND = new Choices.Kind<>("organization", Organization::id,
			Organization::name, o -> new String[] { o.name(), o.id() }, 0); // the IDs stay whole, lined up

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final ApiGateway gateway;

	Organizations(Session session, ListCache cache, Prompter prompter, ApiGateway gateway) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.gateway = gateway;
	}

	List<Organization> list() {
		session.resolved();
		return cache.get("organizations", () -> gateway.organizations(ApiGateway.fetching("organizations")));
	}

	/** The session's organization ID. */
	String currentId() {
		return session.current().organizationId();
	}

	/** The organization given by ID or name, or picked (interactive), made the session's current one. */
	Switched switchTo(String nameOrId) {
		Organization chosen = Choices.namedOrPicked(prompter, KIND, nameOrId, this::list, this::list,
				session.organizationId());
		SessionContext before = session.current();
		SessionContext after = session.setOrganization(new Ref(chosen.id(), chosen.name()));
		List<String> cleared = new ArrayList<>();
		if (before.workspace() != null && after.workspace() == null) {
			cleared.add("workspace " + before.workspace().display());
		}
		if (before.deployment() != null && after.deployment() == null) {
			cleared.add("deployment " + before.deployment().display());
		}
		return new Switched(chosen, cleared);
	}

	/** The organization now current, and what is no longer current with it ("workspace Data Engineering"). */
	record Switched(Organization organization, List<String> cleared) {
	}
}
