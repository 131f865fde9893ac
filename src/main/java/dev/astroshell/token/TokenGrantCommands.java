package dev.astroshell.token;


import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.deployment.DeploymentCompletion;
import dev.astroshell.workspace.WorkspaceCompletion;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * deployment token workspace-token … and organization-token … (docs/commands.md §2.2): options mapped into the use
 * case ({@link AddGrant}, {@link UpdateGrant}, {@link RemoveGrant}), its result handed to the renderer; each write
 * takes {@code --dry-run} and {@code -o json}. Each command names the {@link TokenLookup} it resolves the token with
 * ({@link LooksUp}), which Tab completes from.
 */
@Component
public class TokenGrantCommands {

	private static final String ROLE = "DEPLOYMENT_ADMIN or a custom deployment role (default: asked)";

	private static final String DEPLOYMENT = "the deployment (default: the current one)";

	private static final String DRY_RUN = DeploymentTokenCommands.DRY_RUN;

	private static final String OUTPUT = DeploymentTokenCommands.OUTPUT;

	private static final String EXPIRING_WITHIN = DeploymentTokenCommands.EXPIRING_WITHIN;

	private final AddGrant add;

	private final UpdateGrant update;

	private final RemoveGrant remove;

	private final TokenLists lists;

	private final WriteOutput output;

	public TokenGrantCommands(AddGrant add, UpdateGrant update, RemoveGrant remove, TokenLists lists,
			WriteOutput output) {
		this.add = add;
		this.update = update;
		this.remove = remove;
		this.lists = lists;
		this.output = output;
	}

	// ---- workspace tokens

	@Command(name = "deployment token workspace-token add", group = "Deployment tokens",
			description = "Give a Workspace API token a role on the deployment", help = """
					deployment token workspace-token add --workspace-token-name "CI" --role DEPLOYMENT_ADMIN
					deployment token workspace-token add <token-id> --workspace-id <workspace-id> -r "Deploy Bot\"""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN_TO_ADD)
	public String workspaceAdd(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "workspace-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "workspace-id", description = "the token's workspace (default: the current one)")
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		AddGrant.Options o = new AddGrant.Options(GrantKind.WORKSPACE, tokenId, name, role, workspaceId, deploymentId);
		return output.write(add, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token workspace-token update", group = "Deployment tokens",
			description = "Change a Workspace API token's role on the deployment",
			help = """
					deployment token workspace-token update --workspace-token-name "CI" --role "Deploy Bot"
					deployment token workspace-token update <token-id>       # asks for the role""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT)
	public String workspaceUpdate(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "workspace-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		UpdateGrant.Options o = new UpdateGrant.Options(GrantKind.WORKSPACE, tokenId, name, role, deploymentId);
		return output.write(update, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token workspace-token remove", group = "Deployment tokens",
			description = "Take a Workspace API token off the deployment (its other roles are kept)",
			help = """
					deployment token workspace-token remove --workspace-token-name "CI"
					deployment token workspace-token remove <token-id> --workspace-id <workspace-id> --force""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN_TO_REMOVE)
	public String workspaceRemove(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "workspace-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "workspace-id", description = "the token's workspace (default: the current one)")
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "force", shortName = 'f', description = "remove without asking") Boolean force,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RemoveGrant.Options o = new RemoveGrant.Options(GrantKind.WORKSPACE, tokenId, name, workspaceId, deploymentId,
				Boolean.TRUE.equals(force));
		return output.write(remove, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token workspace-token list", alias = "de to workspace-token ls", group = "Deployment tokens",
			description = "List the Workspace API tokens with a role on the deployment",
			help = "deployment token workspace-token list\ndeployment token workspace-token list --json")
	public String workspaceList(@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = EXPIRING_WITHIN) Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		return list(GrantKind.WORKSPACE, deploymentId, expiringWithin, output, json);
	}

	// ---- organization tokens

	@Command(name = "deployment token organization-token add", group = "Deployment tokens",
			description = "Give an Organization API token a role on the deployment",
			help = """
					deployment token organization-token add --org-token-name "Org CI" --role DEPLOYMENT_ADMIN
					deployment token organization-token add <token-id>      # asks for the role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_ADD)
	public String organizationAdd(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		AddGrant.Options o = new AddGrant.Options(GrantKind.ORGANIZATION, tokenId, name, role, null, deploymentId);
		return output.write(add, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token organization-token update", group = "Deployment tokens",
			description = "Change an Organization API token's role on the deployment",
			help = """
					deployment token organization-token update --org-token-name "Org CI" --role "Deploy Bot"
					deployment token organization-token update <token-id>   # asks for the role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_ON_DEPLOYMENT)
	public String organizationUpdate(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		UpdateGrant.Options o = new UpdateGrant.Options(GrantKind.ORGANIZATION, tokenId, name, role, deploymentId);
		return output.write(update, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token organization-token remove", group = "Deployment tokens",
			description = "Take an Organization API token off the deployment (its other roles are kept)",
			help = """
					deployment token organization-token remove --org-token-name "Org CI"
					deployment token organization-token remove <token-id> --force""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE)
	public String organizationRemove(@Argument(index = 0, description = "the token's ID")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "force", shortName = 'f', description = "remove without asking") Boolean force,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RemoveGrant.Options o = new RemoveGrant.Options(GrantKind.ORGANIZATION, tokenId, name, null, deploymentId,
				Boolean.TRUE.equals(force));
		return output.write(remove, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "deployment token organization-token list", alias = "de to organization-token ls", group = "Deployment tokens",
			description = "List the Organization API tokens with a role on the deployment",
			help = "deployment token organization-token list\ndeployment token organization-token list -o json")
	public String organizationList(@Option(longName = "deployment-id", description = DEPLOYMENT)
			@CompletedBy(DeploymentCompletion.class) String deploymentId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = EXPIRING_WITHIN) Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		return list(GrantKind.ORGANIZATION, deploymentId, expiringWithin, output, json);
	}

	private String list(GrantKind kind, String deploymentIdOption, Integer expiringWithin, String output,
			Boolean json) {
		return lists.render(kind, deploymentIdOption, expiringWithin, OutputFormat.of(output, Boolean.TRUE.equals(json)));
	}
}
