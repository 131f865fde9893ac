package dev.astroshell.deployment;

import java.util.List;
import java.util.Objects;

import dev.astroshell.api.Deployment;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.Renderer.Column;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** deployment list and deployment switch: parse, delegate to {@link Deployments}, render. */
@Component
public class DeploymentCommands {

	/**
	 * The deployment table: on a narrow terminal the namespace and the workspace are shortened, then the namespace
	 * and the runtime version are hidden; the name, ID and status stay.
	 */
	static final List<Column<Deployment>> COLUMNS = List.of(new Column<Deployment>("NAME", Deployment::name),
			new Column<Deployment>("NAMESPACE", Deployment::namespace).shrinking().givingWay(1),
			new Column<>("DEPLOYMENT ID", Deployment::id),
			new Column<Deployment>("WORKSPACE", d -> d.workspaceName() == null ? d.workspaceId() : d.workspaceName())
				.shrinking(),
			new Column<Deployment>("RUNTIME VERSION", Deployment::astroRuntimeVersion).givingWay(2),
			new Column<>("STATUS", Deployment::status));

	private final Deployments deployments;

	private final Renderer renderer;

	private final List<EnteringDeployment> entering;

	public DeploymentCommands(Deployments deployments, Renderer renderer, List<EnteringDeployment> entering) {
		this.deployments = deployments;
		this.renderer = renderer;
		this.entering = entering;
	}

	@Command(name = "deployment list", alias = { "deployment ls", "de ls", "deployments list" }, group = "Deployments",
			description = "List the current workspace's deployments (--all: the whole organization's)", help = """
					deployment list
					deployment list --all
					deployment list -o json | jq '.[].id'""")
	public String list(@Option(longName = "all", description = "every deployment of the organization") Boolean all,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		List<Deployment> list = deployments.list(Boolean.TRUE.equals(all));
		return renderer.render(format, list, list, COLUMNS);
	}


	@Command(name = "deployment switch", group = "Deployments",
			description = "Set the current deployment; with no argument, pick one",
			help = """
					deployment switch                 # pick from a list
					deployment switch etl-prod
					deployment switch <deployment-id>""")
	public String switchDeployment(
			@Argument(index = 0, description = "the deployment's ID or name")
			@CompletedBy(DeploymentCompletion.class) String nameOrId) {
		Deployment chosen = deployments.switchTo(nameOrId);
		StringBuilder said = new StringBuilder("Current deployment: " + chosen.name() + " (" + chosen.id() + ")");
		entering.stream().map(e -> e.onEntering(chosen.id())).filter(Objects::nonNull)
			.forEach(line -> said.append(System.lineSeparator()).append(line));
		return said.toString();
	}
}
