package dev.astroshell.workspace;

import java.util.List;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.Workspace;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.cli.Renderer;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.session.Completions;
import dev.astroshell.session.ListCache;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext.Ref;
import dev.astroshell.session.SessionContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/** workspace list and workspace switch. */
@Component
public class WorkspaceCommands {

	private final Session session;

	private final ListCache cache;

	private final Prompter prompter;

	private final Renderer renderer;

	private final AstroProperties properties;

	public WorkspaceCommands(Session session, ListCache cache, Prompter prompter, Renderer renderer,
			AstroProperties properties) {
		this.session = session;
		this.cache = cache;
		this.prompter = prompter;
		this.renderer = renderer;
		this.properties = properties;
	}

	/** The organization's workspaces, cached for completion and the picker. */
	public List<Workspace> workspaces() {
		String org = session.organizationId();
		return cache.get("workspaces:" + org, () -> Apis.readAll(properties.api(),
				(offset, limit) -> session.api().listWorkspaces(org, offset, limit)));
	}

	@Command(name = "workspace list", alias = "workspace ls", group = "Workspaces",
			description = "List the organization's workspaces", help = "workspace list\nworkspace list -o json")
	public String list(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		List<Workspace> list = workspaces();
		String current = session.current().workspaceId();
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), list, list,
				List.of(new Column<Workspace>("NAME", Workspace::name), new Column<>("ID", Workspace::id),
						new Column<>("CURRENT", w -> w.id().equals(current) ? "true" : "false")));
	}

	@Command(name = "workspace switch", group = "Workspaces",
			description = "Set the current workspace; with no argument, pick one", completionProvider = "workspaceCompletion",
			help = "workspace switch\nworkspace switch \"Data Platform\"\nworkspace switch <workspace-id>")
	public String switchWorkspace(@Argument(index = 0, description = "the workspace's ID or name") String nameOrId) {
		List<Workspace> list = workspaces();
		Workspace chosen;
		if (nameOrId == null || nameOrId.isBlank()) {
			if (!prompter.isInteractive()) {
				throw new NotInteractiveException("missing NAME_OR_ID: give a workspace's ID or name");
			}
			String current = session.current().workspaceId();
			int initial = Math.max(0, list.stream().map(Workspace::id).toList().indexOf(current));
			chosen = Choices.select(prompter, "Select a Workspace:", list, WorkspaceCommands::label, initial);
		}
		else {
			chosen = Choices.byIdOrName(prompter, "workspace", nameOrId.trim(), list, Workspace::id, Workspace::name,
					WorkspaceCommands::label);
		}
		Ref previousDeployment = session.current().deployment();
		SessionContext c = session.setWorkspace(new Ref(chosen.id(), chosen.name()));
		String cleared = previousDeployment != null && c.deployment() == null
				? "; deployment " + previousDeployment.display() + " is in another workspace and is no longer current"
				: "";
		return "Current workspace: " + c.workspace().display() + " (" + chosen.id() + ")" + cleared;
	}

	private static String label(Workspace w) {
		return w.name() + "  " + w.id();
	}

	@Bean
	static CompletionProvider workspaceCompletion(ObjectProvider<WorkspaceCommands> commands) {
		return Completions.idsAndNames(() -> commands.getObject().workspaces(), Workspace::id, Workspace::name);
	}
}
