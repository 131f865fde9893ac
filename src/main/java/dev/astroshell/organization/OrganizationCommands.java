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
import dev.astroshell.session.Completions;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.Renderer.Column;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/** organization list and organization switch. */
@Component
public class OrganizationCommands {

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final Renderer renderer;

	private final AstroProperties properties;

	public OrganizationCommands(Session session, ListCache cache, Prompter prompter, Renderer renderer,
			AstroProperties properties) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.renderer = renderer;
		this.properties = properties;
	}

	/** The organizations the credential sees, cached for completion and the picker. */
	List<Organization> organizations() {
		session.resolved();
		return cache.get("organizations", () -> Apis.readAll(properties.api(),
				(offset, limit) -> session.api().listOrganizations(offset, limit)));
	}

	@Command(name = "organization list", alias = "organization ls", group = "Organizations",
			description = "List the organizations the credential can see",
			help = "organization list\norganization list -o json")
	public String list(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		List<Organization> list = organizations();
		String current = session.current().organizationId();
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), list, list,
				List.of(new Column<Organization>("NAME", Organization::name), new Column<>("ID", Organization::id),
						new Column<>("CURRENT", o -> o.id().equals(current) ? "true" : "false")));
	}

	@Command(name = "organization switch", group = "Organizations",
			description = "Set the current organization; with no argument, pick one",
			completionProvider = "organizationCompletion",
			help = "organization switch\norganization switch \"Sandbox Org\"")
	public String switchOrganization(
			@Argument(index = 0, description = "the organization's ID or name") String nameOrId) {
		List<Organization> list = organizations();
		Organization chosen;
		if (nameOrId == null || nameOrId.isBlank()) {
			if (!prompter.isInteractive()) {
				throw new NotInteractiveException("missing NAME_OR_ID: give an organization's ID or name");
			}
			int initial = Math.max(0, list.stream().map(Organization::id).toList().indexOf(session.organizationId()));
			chosen = Choices.select(prompter, "Select an Organization:", list, o -> o.name() + "  " + o.id(), initial);
		}
		else {
			chosen = Choices.byIdOrName(prompter, "organization", nameOrId.trim(), list, Organization::id,
					Organization::name, o -> o.name() + "  " + o.id());
		}
		session.setOrganization(new Ref(chosen.id(), chosen.name()));
		return "Current organization: " + chosen.name() + " (" + chosen.id() + ")";
	}

	@Bean
	static CompletionProvider organizationCompletion(ObjectProvider<OrganizationCommands> commands) {
		return Completions.idsAndNames(() -> commands.getObject().organizations(), Organization::id,
				Organization::name);
	}
}
