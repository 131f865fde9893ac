package dev.astroshell.token;


import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.workspace.WorkspaceCompletion;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * workspace token list, create, update, rotate, delete, and the organization tokens of the workspace
 * (docs/commands.md §5): the options mapped into the same use cases as the deployment's, for
 * {@link TokenFamily#WORKSPACE}. Each write takes {@code --dry-run} and {@code -o json}.
 */
@Component
public class WorkspaceTokenCommands {

	private static final String WORKSPACE = "the workspace, by ID or name (default: the current one)";

	private static final String ROLE = "WORKSPACE_MEMBER, WORKSPACE_AUTHOR, WORKSPACE_OPERATOR, WORKSPACE_OWNER or "
			+ "another workspace role the API lists";

	private static final String DRY_RUN = DeploymentTokenCommands.DRY_RUN;

	private static final String OUTPUT = DeploymentTokenCommands.OUTPUT;

	private static final String EXPIRING_WITHIN = DeploymentTokenCommands.EXPIRING_WITHIN;

	private final TokenLists lists;

	private final CreateToken create;

	private final UpdateToken update;

	private final RotateToken rotate;

	private final DeleteToken delete;

	private final AddGrant add;

	private final UpdateGrant updateGrant;

	private final RemoveGrant remove;

	private final WriteOutput output;

	public WorkspaceTokenCommands(TokenLists lists, CreateToken create, UpdateToken update, RotateToken rotate,
			DeleteToken delete, AddGrant add, UpdateGrant updateGrant, RemoveGrant remove, WriteOutput output) {
		this.lists = lists;
		this.create = create;
		this.update = update;
		this.rotate = rotate;
		this.delete = delete;
		this.add = add;
		this.updateGrant = updateGrant;
		this.remove = remove;
		this.output = output;
	}

	@Command(name = "workspace token list", alias = "workspace token ls", group = "Workspace tokens",
			description = "List the API tokens with a role on the workspace (workspace and organization tokens)",
			help = """
					workspace token list
					workspace token list --workspace-id <workspace-id> -o json
					workspace token list --expiring-within 30""")
	public void list(@Option(longName = "workspace-id", description = WORKSPACE)
	@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = EXPIRING_WITHIN) Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		lists.print(TokenFamily.WORKSPACE, workspaceId, expiringWithin, OutputFormat.of(output, Boolean.TRUE.equals(json)),
				ctx.outputWriter());
	}

	@Command(name = "workspace token create", alias = "workspace token cr", group = "Workspace tokens",
			description = "Create a Workspace API token", help = """
					workspace token create --name "CI token" --role WORKSPACE_MEMBER
					workspace token create -n ci -r WORKSPACE_OPERATOR -e 90 --workspace-id <workspace-id>
					workspace token create --name ci --role WORKSPACE_AUTHOR --clean-output > token.txt""")
	public String create(@Option(longName = "name", shortName = 'n', description = "the token's name") String name,
			@Option(longName = "description", shortName = 'd', description = "the token's description") String description,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "expiration", shortName = 'e',
					description = "days until the token expires, 1-3650 (default: never)") Integer expiration,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the token") Boolean cleanOutput,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		CreateToken.Options o = new CreateToken.Options(TokenFamily.WORKSPACE, name, description, role, expiration,
				workspaceId);
		return output.write(create, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "workspace token update", alias = "workspace token up", group = "Workspace tokens",
			description = "Update a Workspace API token's name, description or role", help = """
					workspace token update <token-id> --role WORKSPACE_OPERATOR      # asks nothing
					workspace token update --name "CI token"                          # asks for a role
					workspace token update                                            # asks for a token, then a role
					workspace token update --name "CI token" --new-name ci -d "CI\"""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN)
	public String update(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's current name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "new-name", shortName = 'n', description = "the token's new name") String newName,
			@Option(longName = "description", shortName = 'd', description = "the token's new description") String description,
			@Option(longName = "role", shortName = 'r', description = ROLE + " (default: asked, or kept)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		TokenUpdate o = new TokenUpdate(TokenFamily.WORKSPACE, tokenId, name, newName, description, role, workspaceId);
		return output.write(update, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "workspace token rotate", alias = "workspace token ro", group = "Workspace tokens",
			description = "Rotate a Workspace API token: a new secret, the old one stops working at once", help = """
					workspace token rotate                       # pick the token, then confirm
					workspace token rotate <token-id> --force --clean-output > token.txt""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN_TO_ROTATE)
	public String rotate(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the new token") Boolean cleanOutput,
			@Option(longName = "force", shortName = 'f', description = "rotate without asking") Boolean force,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RotateToken.Options o = new RotateToken.Options(TokenFamily.WORKSPACE, tokenId, name,
				Boolean.TRUE.equals(force), workspaceId);
		return output.write(rotate, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "workspace token delete", alias = "workspace token de", group = "Workspace tokens",
			description = "Delete a Workspace API token", help = """
					workspace token delete                       # pick the token, then confirm
					workspace token delete <token-id> --force""")
	@LooksUp(TokenLookup.WORKSPACE_TOKEN_TO_DELETE)
	public String delete(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "force", shortName = 'f', description = "delete without asking") Boolean force,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		DeleteToken.Options o = new DeleteToken.Options(TokenFamily.WORKSPACE, tokenId, name,
				Boolean.TRUE.equals(force), workspaceId);
		return output.write(delete, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	// ---- organization tokens with a role on the workspace

	@Command(name = "workspace token add", group = "Workspace tokens",
			description = "Give an Organization API token a role on the workspace (as organization-token add)",
			help = """
					workspace token add --org-token-name "Org CI" --role WORKSPACE_MEMBER
					workspace token add <token-id>     # asks for the role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_ADD)
	public String add(@Argument(index = 0, description = "the token's ID")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE + " (default: asked)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		return organizationAdd(tokenId, name, role, workspaceId, dryRun, outputFormat, json, ctx);
	}

	@Command(name = "workspace token organization-token add", group = "Workspace tokens",
			description = "Give an Organization API token a role on the workspace", help = """
					workspace token organization-token add --org-token-name "Org CI" --role WORKSPACE_MEMBER
					workspace token organization-token add <token-id>     # asks for the role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_ADD)
	public String organizationAdd(@Argument(index = 0, description = "the token's ID")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE + " (default: asked)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		AddGrant.Options o = new AddGrant.Options(GrantKind.ORGANIZATION_ON_WORKSPACE, tokenId, name, role, null,
				workspaceId);
		return output.write(add, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "workspace token organization-token update", group = "Workspace tokens",
			description = "Change an Organization API token's role on the workspace", help = """
					workspace token organization-token update --org-token-name "Org CI" --role WORKSPACE_OPERATOR
					workspace token organization-token update <token-id>  # asks for the role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_ON_WORKSPACE)
	public String organizationUpdate(@Argument(index = 0, description = "the token's ID")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "role", shortName = 'r', description = ROLE + " (default: asked)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		UpdateGrant.Options o = new UpdateGrant.Options(GrantKind.ORGANIZATION_ON_WORKSPACE, tokenId, name, role,
				workspaceId);
		return output.write(updateGrant, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "workspace token organization-token remove", group = "Workspace tokens",
			description = "Take an Organization API token off the workspace (its other roles are kept)", help = """
					workspace token organization-token remove --org-token-name "Org CI"
					workspace token organization-token remove <token-id> --force""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE)
	public String organizationRemove(@Argument(index = 0, description = "the token's ID")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "org-token-name", shortName = 'n', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "workspace-id", description = WORKSPACE)
			@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "force", shortName = 'f', description = "remove without asking") Boolean force,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RemoveGrant.Options o = new RemoveGrant.Options(GrantKind.ORGANIZATION_ON_WORKSPACE, tokenId, name, null,
				workspaceId, Boolean.TRUE.equals(force));
		return output.write(remove, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "workspace token organization-token list", alias = "workspace token organization-token ls",
			group = "Workspace tokens", description = "List the Organization API tokens with a role on the workspace",
			help = """
					workspace token organization-token list
					workspace token organization-token list --expiring-within 30
					workspace token organization-token list -o json""")
	public String organizationList(@Option(longName = "workspace-id", description = WORKSPACE)
	@CompletedBy(WorkspaceCompletion.Ids.class) String workspaceId,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = EXPIRING_WITHIN) Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		return lists.render(GrantKind.ORGANIZATION_ON_WORKSPACE, workspaceId, expiringWithin,
				OutputFormat.of(output, Boolean.TRUE.equals(json)));
	}
}
