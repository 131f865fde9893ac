package dev.astroshell.organization;

import dev.astroshell.api.Organization;
import dev.astroshell.session.IdOrNameCompletion;

import org.springframework.stereotype.Component;

/** Organization IDs (with their names beside) and names, for {@code organization switch}. */
@Component("organizationCompletion")
class OrganizationCompletion extends IdOrNameCompletion<Organization> {

	OrganizationCompletion(Organizations organizations) {
		super(organizations::list, Organization::id, Organization::name);
	}
}
