package dev.astroshell.token;


import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.deployment.DeploymentCompletion;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * deployment token list, create, rotate, delete and update (docs/commands.md §2.1–2.2): options mapped into the use
 * case, its result handed to the renderer. Each write takes {@code --dry-run} and {@code -o json}. Each command that
 * resolves a token names its {@link TokenLookup} ({@link LooksUp}), which Tab completes from.
 */
@Component
public class DeploymentTokenCommands {

	static final String DRY_RUN = "print what would change and the requests it would send, and send none";

	static final String OUTPUT = "json: print the outcome as JSON";

	static final String EXPIRING_WITHIN = "only the tokens that expire within this many days, expired ones included";

	private final TokenLists lists;

	private final UpdateToken update;

	private final CreateToken create;

	private final RotateToken rotate;

	private final DeleteToken delete;

	private final WriteOutput output;

	public DeploymentTokenCommands(TokenLists lists, UpdateToken update, CreateToken create, RotateToken rotate,
			DeleteToken delete, WriteOutput output) {
		this.lists = lists;
		this.update = update;
		this.create = create;
		this.rotate = rotate;
		this.delete = delete;
		this.output = output;
	}

	@Command(name = "deployment token list", alias = { "de to ls", "deployments token list" }, group = "Deployment tokens",
			description = "List every API token with a role on the deployment (all scopes)",
			help = """
					deployment token list
					deployment token list --deployment-id <deployment-id>
					deployment token list --expiring-within 30
					deployment token list -o json | jq '.[] | {id, name}'""")
	public void list(
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)")
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = EXPIRING_WITHIN) Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		// written as the pages arrive: 10,000 tokens start showing after the first page, and are never held whole
		lists.print(TokenFamily.DEPLOYMENT, deploymentId, expiringWithin, format, ctx.outputWriter());
	}

	@Command(name = "deployment token create", alias = "de to cr", group = "Deployment tokens",
			description = "Create a Deployment API token", help = """
					deployment token create --name "CI token" --role DEPLOYMENT_ADMIN
					deployment token create -n ci -r "Deploy Bot" -e 90 --deployment-id <deployment-id>
					deployment token create --name ci --role DEPLOYMENT_ADMIN --clean-output > token.txt""")
	public String create(
			@Option(longName = "name", shortName = 'n', description = "the token's name") String name,
			@Option(longName = "description", shortName = 'd', description = "the token's description") String description,
			@Option(longName = "role", shortName = 'r',
					description = "DEPLOYMENT_ADMIN or a custom deployment role")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "expiration", shortName = 'e',
					description = "days until the token expires, 1-3650 (default: never)") Integer expiration,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the token") Boolean cleanOutput,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)")
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		CreateToken.Options o = new CreateToken.Options(name, description, role, expiration, deploymentId);
		// --clean-output prints only the secret, alone, so that scripts can capture it
		return output.write(create, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "deployment token rotate", alias = "de to ro", group = "Deployment tokens",
			description = "Rotate a Deployment API token: a new secret, the old one stops working at once",
			help = """
					deployment token rotate                       # pick the token, then confirm
					deployment token rotate <token-id> --force
					deployment token rotate --name "CI token" --force --clean-output > token.txt""")
	@LooksUp(TokenLookup.DEPLOYMENT_TOKEN_TO_ROTATE)
	public String rotate(
			@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the new token") Boolean cleanOutput,
			@Option(longName = "force", shortName = 'f', description = "rotate without asking") Boolean force,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)")
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RotateToken.Options o = new RotateToken.Options(tokenId, name, Boolean.TRUE.equals(force), deploymentId);
		return output.write(rotate, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "deployment token delete", alias = "de to de", group = "Deployment tokens",
			description = "Delete a Deployment API token, or take a workspace or organization token off the deployment",
			help = """
					deployment token delete                       # pick the token, then confirm
					deployment token delete <token-id> --force
					deployment token delete --name "Old token\"""")
	@LooksUp(TokenLookup.ANY_TOKEN_ON_DEPLOYMENT)
	public String delete(
			@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "force", shortName = 'f', description = "delete without asking") Boolean force,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)")
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		DeleteToken.Options o = new DeleteToken.Options(tokenId, name, Boolean.TRUE.equals(force), deploymentId);
		return output.write(delete, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token update", alias = "de to up", group = "Deployment tokens",
			description = "Update a Deployment API token's name, description or role",
			help = """
					deployment token update <token-id> --deployment-id <deployment-id>          # asks for a role
					deployment token update --deployment-id <deployment-id> --name="Token name" # asks for a role
					deployment token update --deployment-id <deployment-id>                     # asks for a token, then a role
					deployment token update TOKEN_ID --deployment-id <deployment-id> --role=DEPLOYMENT_ADMIN  # asks nothing""")
	@LooksUp(TokenLookup.DEPLOYMENT_TOKEN)
	public String update(
			@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's current name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "new-name", shortName = 'n', description = "the token's new name") String newName,
			@Option(longName = "description", shortName = 'd', description = "the token's new description") String description,
			@Option(longName = "role", shortName = 'r',
					description = "DEPLOYMENT_ADMIN or a custom deployment role (default: asked, or kept)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "deployment-id", description = "the deployment (default: the current one)")
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		TokenUpdate o = new TokenUpdate(tokenId, name, newName, description, role, deploymentId);
		return output.write(update, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

}
