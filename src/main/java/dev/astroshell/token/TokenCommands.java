package dev.astroshell.token;

import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** The commands on a token of any kind: {@code token show} (docs/commands.md §2.5). */
@Component
public class TokenCommands {

	private final ShowToken show;

	private final Renderer renderer;

	TokenCommands(ShowToken show, Renderer renderer) {
		this.show = show;
		this.renderer = renderer;
	}

	@Command(name = "token show", group = "Tokens",
			description = "Show an API token of any kind: its scope, every role by name, who made and changed it, when it expires",
			help = """
					token show                          # pick the token
					token show <token-id>
					token show --name "CI token" -o json""")
	@LooksUp(TokenLookup.ANY_TOKEN)
	public String show(
			@Argument(index = 0, description = "the token's ID (default: found by --name, or picked)")
			@CompletedBy(TokenCompletion.Ids.class) String tokenId,
			@Option(longName = "name", shortName = 't', description = "the token's name")
			@CompletedBy(TokenCompletion.Names.class) String name,
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		ShowToken.Shown shown = show.show(tokenId, name);
		return format == OutputFormat.JSON ? renderer.json(show.json(shown)) : show.text(shown);
	}
}
