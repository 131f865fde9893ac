package dev.astroshell.workspace;

import java.util.List;

import dev.astroshell.api.Workspace;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.session.SessionContext;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** workspace list and workspace switch: parse, delegate to {@link Workspaces}, render. */
@Component
public class WorkspaceCommands {

	private final Workspaces workspaces;

	private final Renderer renderer;

	public WorkspaceCommands(Workspaces workspaces, Renderer renderer) {
		this.workspaces = workspaces;
		this.renderer = renderer;
	}

	@Command(name = "workspace list", alias = "workspace ls", group = "Workspaces",
			description = "List the organization's workspaces", help = "workspace list\nworkspace list -o json")
	public String list(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		List<Workspace> list = workspaces.list();
		String current = workspaces.currentId();
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), list, list,
				List.of(new Column<Workspace>("NAME", Workspace::name), new Column<>("ID", Workspace::id),
						new Column<>("CURRENT", w -> w.id().equals(current) ? "true" : "false")));
	}

	@Command(name = "workspace switch", group = "Workspaces",
			description = "Set the current workspace; with no argument, pick one",
			help = "workspace switch\nworkspace switch \"Data Platform\"\nworkspace switch <workspace-id>")
	public String switchWorkspace(@Argument(index = 0, description = "the workspace's ID or name")
			@CompletedBy(WorkspaceCompletion.class) String nameOrId) {
		Workspaces.Switched switched = workspaces.switchTo(nameOrId);
		SessionContext c = switched.context();
		return "Current workspace: " + c.workspace().display() + " (" + c.workspaceId() + ")"
				+ (switched.clearedDeployment() == null ? ""
						: "; deployment " + switched.clearedDeployment().display()
								+ " is in another workspace and is no longer current");
	}
}
