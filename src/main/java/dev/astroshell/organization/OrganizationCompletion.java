package dev.astroshell.organization;

import java.util.List;

import dev.astroshell.api.Organization;
import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** An organization, by ID or name, for {@code organization switch}. */
@Component
record OrganizationCompletion(Organizations organizations) implements Completer {

	@Override
	public List<Proposal> complete(Request request) {
		return Completer.idsAndNames(organizations.list(), Organization::id, Organization::name);
	}

}
