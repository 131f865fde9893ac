package dev.astroshell.organization;

import java.util.List;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.Organization;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.session.ListCache;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/** Reads the organizations the credential sees (cached for completion and the picker) and switches between them. */
@Component
class Organizations {

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final AstroProperties properties;

	Organizations(Session session, ListCache cache, Prompter prompter, AstroProperties properties) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.properties = properties;
	}

	List<Organization> list() {
		session.resolved();
		return cache.get("organizations", () -> Apis.readAll(properties.api(),
				(offset, limit) -> session.api().listOrganizations(offset, limit)));
	}

	/** The session's organization ID. */
	String currentId() {
		return session.current().organizationId();
	}

	/** The organization given by ID or name, or picked (interactive), made the session's current one. */
	Organization switchTo(String nameOrId) {
		List<Organization> list = list();
		Organization chosen;
		if (nameOrId == null || nameOrId.isBlank()) {
			if (!prompter.isInteractive()) {
				throw new NotInteractiveException("missing NAME_OR_ID: give an organization's ID or name");
			}
			int initial = Math.max(0, list.stream().map(Organization::id).toList().indexOf(session.organizationId()));
			chosen = Choices.select(prompter, "Select an Organization:", list, Organizations::label, initial);
		}
		else {
			chosen = Choices.byIdOrName(prompter, "organization", nameOrId.trim(), list, Organization::id,
					Organization::name, Organizations::label);
		}
		session.setOrganization(new Ref(chosen.id(), chosen.name()));
		return chosen;
	}

	private static String label(Organization o) {
		return o.name() + "  " + o.id();
	}
}
