package dev.astroshell.session;

import java.io.IOException;
import java.nio.file.Files;

import dev.astroshell.cli.CliException;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

import org.springframework.stereotype.Component;

/**
 * Where {@code login} gets its API token (docs/commands.md §1): {@code --token-file}, else {@code ASTRO_API_TOKEN},
 * else a masked prompt; never an option value, which would end up in the history.
 */
@Component
class LoginTokenInput {

	private static final String OTHER_WAYS = "pass --token-file PATH or set ASTRO_API_TOKEN"
			+ " (tokens are never taken as options)";

	private final Prompter prompter;

	LoginTokenInput(Prompter prompter) {
		this.prompter = prompter;
	}

	/** The token from the file, else ASTRO_API_TOKEN, else asked for (masked), naming the domain it is for. */
	String read(String tokenFile, String domain) {
		if (tokenFile != null && !tokenFile.isBlank()) {
			try {
				return Files.readString(AppDirs.typedPath(tokenFile))
					.trim();
			}
			catch (IOException e) {
				throw CliException.usage("cannot read the token file " + tokenFile + ": " + e.getMessage());
			}
		}
		String env = System.getenv(Session.ENV_TOKEN);
		if (env != null && !env.isBlank()) {
			return env.trim();
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("no API token: " + OTHER_WAYS);
		}
		String token;
		try {
			token = prompter.secret("Astro API token for " + domain + ": ");
		}
		catch (NotInteractiveException cannotMask) {
			throw new NotInteractiveException(cannotMask.getMessage() + ": " + OTHER_WAYS);
		}
		if (token == null || token.isBlank()) {
			throw CliException.usage("no API token entered");
		}
		return token.trim();
	}
}
