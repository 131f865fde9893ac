package dev.astroshell.organization;

import java.util.List;

import dev.astroshell.api.Organization;
import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** An organization, by ID or name, for {@code organization switch}. */
@Component
class OrganizationCompletion implements Completer {

	private final Organizations organizations;

	OrganizationCompletion(Organizations organizations) {
		this.organizations = organizations;
	}

	@Override
	public List<Proposal> complete(Request request) {
		return Completer.idsAndNames(organizations.list(), Organization::id, Organization::name);
	}

}
