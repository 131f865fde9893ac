package dev.astroshell.token;

import java.util.List;

import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * organization token list, create, update, rotate, delete and roles (docs/commands.md §5): the options mapped into
 * the same use cases as the deployment's, for {@link TokenFamily#ORGANIZATION}. Each write takes {@code --dry-run}
 * and {@code -o json}.
 */
@Component
public class OrganizationTokenCommands {

	private static final String ROLE = "ORGANIZATION_MEMBER, ORGANIZATION_BILLING_ADMIN or ORGANIZATION_OWNER";

	private static final String DRY_RUN = DeploymentTokenCommands.DRY_RUN;

	private static final String OUTPUT = DeploymentTokenCommands.OUTPUT;

	private final TokenLists lists;

	private final CreateToken create;

	private final UpdateToken update;

	private final RotateToken rotate;

	private final DeleteToken delete;

	private final WriteOutput output;

	private final TokenRoleListing roles;

	private final Renderer renderer;

	public OrganizationTokenCommands(TokenLists lists, CreateToken create, UpdateToken update, RotateToken rotate,
			DeleteToken delete, WriteOutput output, TokenRoleListing roles, Renderer renderer) {
		this.lists = lists;
		this.create = create;
		this.update = update;
		this.rotate = rotate;
		this.delete = delete;
		this.output = output;
		this.roles = roles;
		this.renderer = renderer;
	}

	@Command(name = "organization token list", alias = "organization token ls", group = "Organization tokens",
			description = "List the organization's Organization API tokens",
			help = "organization token list\norganization token list --expiring-within 30\norganization token list -o json")
	public void list(@Option(longName = "output", shortName = 'o', description = "table or json",
			defaultValue = "table") String output,
			@Option(longName = "expiring-within", description = DeploymentTokenCommands.EXPIRING_WITHIN)
			Integer expiringWithin,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		lists.print(TokenFamily.ORGANIZATION, null, expiringWithin, OutputFormat.of(output, Boolean.TRUE.equals(json)),
				ctx.outputWriter());
	}

	@Command(name = "organization token create", alias = "organization token cr", group = "Organization tokens",
			description = "Create an Organization API token", help = """
					organization token create --name "Org CI" --role ORGANIZATION_MEMBER
					organization token create -n billing -r ORGANIZATION_BILLING_ADMIN -e 30 --clean-output""")
	public String create(@Option(longName = "name", shortName = 'n', description = "the token's name") String name,
			@Option(longName = "description", shortName = 'd', description = "the token's description") String description,
			@Option(longName = "role", shortName = 'r', description = ROLE)
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "expiration", shortName = 'e',
					description = "days until the token expires, 1-3650 (default: never)") Integer expiration,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the token") Boolean cleanOutput,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		CreateToken.Options o = new CreateToken.Options(TokenFamily.ORGANIZATION, name, description, role, expiration,
				null);
		return output.write(create, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "organization token update", alias = "organization token up", group = "Organization tokens",
			description = "Update an Organization API token's name, description or role", help = """
					organization token update <token-id> --role ORGANIZATION_OWNER   # asks nothing
					organization token update --name "Org CI"                         # asks for a role
					organization token update                                         # asks for a token, then a role""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN)
	public String update(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's current name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "new-name", shortName = 'n', description = "the token's new name") String newName,
			@Option(longName = "description", shortName = 'd', description = "the token's new description") String description,
			@Option(longName = "role", shortName = 'r', description = ROLE + " (default: asked, or kept)")
			@CompletedBy(TokenCompletion.Roles.class) String role,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		TokenUpdate o = new TokenUpdate(TokenFamily.ORGANIZATION, tokenId, name, newName, description, role, null);
		return output.write(update, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "organization token rotate", alias = "organization token ro", group = "Organization tokens",
			description = "Rotate an Organization API token: a new secret, the old one stops working at once", help = """
					organization token rotate                       # pick the token, then confirm
					organization token rotate --name "Org CI" --force --clean-output > token.txt""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_ROTATE)
	public String rotate(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "clean-output", shortName = 'c', description = "print only the new token") Boolean cleanOutput,
			@Option(longName = "force", shortName = 'f', description = "rotate without asking") Boolean force,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		RotateToken.Options o = new RotateToken.Options(TokenFamily.ORGANIZATION, tokenId, name,
				Boolean.TRUE.equals(force), null);
		return output.write(rotate, o, dryRun, outputFormat, json, cleanOutput, ctx.outputWriter());
	}

	@Command(name = "organization token delete", alias = "organization token de", group = "Organization tokens",
			description = "Delete an Organization API token (with every role it holds)", help = """
					organization token delete                       # pick the token, then confirm
					organization token delete <token-id> --force""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN_TO_DELETE)
	public String delete(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "force", shortName = 'f', description = "delete without asking") Boolean force,
			@Option(longName = "dry-run", description = DRY_RUN) Boolean dryRun,
			@Option(longName = "output", shortName = 'o', description = OUTPUT) String outputFormat,
			@Option(longName = "json", description = "same as -o json") Boolean json, CommandContext ctx) {
		DeleteToken.Options o = new DeleteToken.Options(TokenFamily.ORGANIZATION, tokenId, name,
				Boolean.TRUE.equals(force), null);
		return output.write(delete, o, dryRun, outputFormat, json, false, ctx.outputWriter());
	}

	@Command(name = "organization token roles", group = "Organization tokens",
			description = "List every role an Organization API token holds, on every entity, by name", help = """
					organization token roles <token-id>
					organization token roles --name "Org CI" -o json""")
	@LooksUp(TokenLookup.ORGANIZATION_TOKEN)
	public String roles(@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
	@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		List<TokenRoleListing.Entry> entries = roles.roles(tokenId, name);
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), entries, entries,
				TokenRoleListing.COLUMNS);
	}
}
