package dev.astroshell.token;

import java.time.Clock;
import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.shell.OutputFormat;
import dev.astroshell.shell.Renderer;
import dev.astroshell.shell.Renderer.Column;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** deployment token list, create and update (spec §2.1–2.2): parse, call the service, render. */
@Component
public class DeploymentTokenCommands {

	private final TokenService service;

	private final Deployments deployments;

	private final Renderer renderer;

	private final Clock clock;

	public DeploymentTokenCommands(TokenService service, Deployments deployments, Renderer renderer, Clock clock) {
		this.service = service;
		this.deployments = deployments;
		this.renderer = renderer;
		this.clock = clock;
	}

	@Command(name = "deployment token list", group = "Deployment tokens",
			description = "List every API token with a role on the deployment (all scopes)",
			completionProvider = "tokenCompletion", help = """
					deployment token list
					deployment token list --deployment-id <deployment-id>
					deployment token list -o json | jq '.[] | {id, name}'""")
	public String list(
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)") String deploymentId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		String deployment = deployments.resolveId(deploymentId);
		List<ApiToken> tokens = service.list(deployment);
		return renderer.render(format, tokens, tokens,
				List.of(new Column<ApiToken>("ID", ApiToken::id), new Column<>("NAME", ApiToken::name),
						new Column<>("DESCRIPTION", ApiToken::description),
						new Column<>("SCOPE", t -> t.scope().name()),
						new Column<>("DEPLOYMENT ROLE", t -> orEmpty(t.deploymentRole(deployment))),
						new Column<>("CREATED", t -> Ages.ago(t.createdAt(), clock.instant())),
						new Column<>("CREATED BY", t -> t.createdBy() == null ? "" : t.createdBy().displayName())));
	}

	@Command(name = "deployment token create", group = "Deployment tokens",
			description = "Create a Deployment API token", completionProvider = "tokenCompletion", help = """
					deployment token create --name "CI token" --role DEPLOYMENT_ADMIN
					deployment token create -n ci -r "Deploy Bot" -e 90 --deployment-id <deployment-id>
					deployment token create --name ci --role DEPLOYMENT_ADMIN --clean-output > token.txt""")
	public String create(
			@Option(longName = "name", shortName = 'n', description = "the token's name") String name,
			@Option(longName = "description", shortName = 'd', description = "the token's description") String description,
			@Option(longName = "role", shortName = 'r',
					description = "DEPLOYMENT_ADMIN or a custom deployment role") String role,
			@Option(longName = "expiration", shortName = 'e',
					description = "days until the token expires, 1-3650 (default: never)") Integer expiration,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the token") Boolean cleanOutput,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)") String deploymentId) {
		ApiToken created = service.create(name, description, role, expiration, deploymentId);
		if (Boolean.TRUE.equals(cleanOutput)) {
			return created.token();
		}
		return String.join("\n", "Astro Deployment API token " + created.name() + " was successfully created",
				"Copy and paste this API token for your records.", "", created.token(), "",
				"You will not be shown this API token value again.");
	}

	@Command(name = "deployment token update", group = "Deployment tokens",
			description = "Update a Deployment API token's name, description or role",
			completionProvider = "tokenCompletion", help = """
					deployment token update <token-id> --deployment-id <deployment-id>          # asks for a role
					deployment token update --deployment-id <deployment-id> --name="Token name" # asks for a role
					deployment token update --deployment-id <deployment-id>                     # asks for a token, then a role
					deployment token update TOKEN_ID --deployment-id <deployment-id> --role=DEPLOYMENT_ADMIN  # asks nothing""")
	public String update(
			@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)") String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's current name") String name,
			@Option(longName = "new-name", shortName = 'n', description = "the token's new name") String newName,
			@Option(longName = "description", shortName = 'd', description = "the token's new description") String description,
			@Option(longName = "role", shortName = 'r',
					description = "DEPLOYMENT_ADMIN or a custom deployment role (default: asked, or kept)") String role,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)") String deploymentId) {
		return service.update(new TokenUpdate(tokenId, name, newName, description, role, deploymentId)).render();
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

}
