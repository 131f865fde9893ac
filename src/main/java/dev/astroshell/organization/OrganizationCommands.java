package dev.astroshell.organization;

import java.util.List;

import dev.astroshell.api.Organization;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.Renderer.Column;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** organization list and organization switch: parse, delegate to {@link Organizations}, render. */
@Component
public class OrganizationCommands {

	private final Organizations organizations;

	private final Renderer renderer;

	OrganizationCommands(Organizations organizations, Renderer renderer) {
		this.organizations = organizations;
		this.renderer = renderer;
	}

	@Command(name = "organization list", alias = "organization ls", group = "Organizations",
			description = "List the organizations the credential can see",
			help = "organization list\norganization list -o json")
	public String list(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		List<Organization> list = organizations.list();
		String current = organizations.currentId();
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), list, list,
				List.of(new Column<Organization>("NAME", Organization::name), new Column<>("ID", Organization::id),
						new Column<>("CURRENT", o -> o.id().equals(current) ? "true" : "false")));
	}

	@Command(name = "organization switch", group = "Organizations",
			description = "Set the current organization; with no argument, pick one",
			help = "organization switch\norganization switch \"Sandbox Org\"")
	public String switchOrganization(
			@Argument(index = 0, description = "the organization's ID or name")
			@CompletedBy(OrganizationCompletion.class) String nameOrId) {
		Organizations.Switched switched = organizations.switchTo(nameOrId);
		Organization chosen = switched.organization();
		return "Current organization: " + chosen.name() + " (" + chosen.id() + ")"
				+ (switched.cleared().isEmpty() ? ""
						: "; " + String.join(" and ", switched.cleared()) + " of the previous organization "
								+ (switched.cleared().size() == 1 ? "is" : "are") + " no longer current");
	}
}
