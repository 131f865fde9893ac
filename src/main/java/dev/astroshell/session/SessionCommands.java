package dev.astroshell.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.cli.Renderer;
import dev.astroshell.prompt.Choices;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** login, logout, status and the contexts (shell-commands spec §1). */
@Component
public class SessionCommands {

	private final Session session;

	private final Prompter prompter;

	private final Renderer renderer;

	private final ConfigStore store;

	private final Map<String, String> environment;

	@Autowired
	public SessionCommands(Session session, Prompter prompter, Renderer renderer, ConfigStore store) {
		this(session, prompter, renderer, store, System.getenv());
	}

	SessionCommands(Session session, Prompter prompter, Renderer renderer, ConfigStore store,
			Map<String, String> environment) {
		this.session = session;
		this.prompter = prompter;
		this.renderer = renderer;
		this.store = store;
		this.environment = environment;
	}

	@Command(name = "login", group = "Session", description = "Log in to Astro (or the sandbox) with an API token",
			completionProvider = "loginCompletion", help = """
					login                                  # astronomer.io; the token is asked for, masked
					login cloud.astronomer.io --token-file ~/.astro/token
					ASTRO_API_TOKEN=… astro-shell login     # reads the token from the environment
					login sandbox                          # the built-in sandbox, no token needed
					login localhost                        # a sandbox started with 'sandbox serve'""")
	public String login(
			@Argument(index = 0, description = "the Astro domain (default astronomer.io), or 'sandbox'",
					defaultValue = "astronomer.io") String domain,
			@Option(longName = "token-file", description = "read the API token from this file") String tokenFile) {
		String target = domain == null || domain.isBlank() ? "astronomer.io" : domain.trim();
		SessionContext c;
		if (SessionContext.SANDBOX.equals(target)) {
			c = session.login(target, null, CredentialSource.SANDBOX);
		}
		else {
			c = session.login(target, readToken(tokenFile), CredentialSource.LOGIN);
		}
		return "Logged in to " + c.domain() + " (organization " + c.organization().display()
				+ (c.workspace() == null ? "" : ", workspace " + c.workspace().display())
				+ (c.deployment() == null ? "" : ", deployment " + c.deployment().display()) + ")";
	}

	private String readToken(String tokenFile) {
		if (tokenFile != null && !tokenFile.isBlank()) {
			try {
				return Files.readString(Path.of(tokenFile.replaceFirst("^~(?=/)", System.getProperty("user.home"))))
					.trim();
			}
			catch (IOException e) {
				throw CliException.usage("cannot read the token file " + tokenFile + ": " + e.getMessage());
			}
		}
		String env = environment.get(Session.ENV_TOKEN);
		if (env != null && !env.isBlank()) {
			return env.trim();
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException(
					"no API token: pass --token-file PATH or set ASTRO_API_TOKEN (tokens are never taken as options)");
		}
		String token = prompter.secret("Astro API token: ");
		if (token == null || token.isBlank()) {
			throw CliException.usage("no API token entered");
		}
		return token.trim();
	}

	@Command(name = "logout", group = "Session", description = "Forget the credential of the current context",
			help = "logout")
	public String logout() {
		SessionContext c = session.logout();
		return "Logged out of " + c.domain();
	}

	@Command(name = "status", alias = "whoami", group = "Session",
			description = "Show the domain, credential, organization, workspace and deployment in use",
			help = "status\nwhoami\nstatus -o json")
	public String status(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		SessionContext c = session.current();
		if (c.loggedIn() || c.source() == CredentialSource.SANDBOX) {
			c = session.resolved();
		}
		if (format == OutputFormat.JSON) {
			return renderer.json(StatusJson.of(c));
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Domain", c.domain() });
		rows.add(new String[] { "API", c.baseUrl() == null ? "-" : c.baseUrl().toString() });
		rows.add(new String[] { "Credential", c.loggedIn() ? c.source().label() : "none (not logged in)" });
		if (c.loggedIn()) {
			rows.add(new String[] { "Token ID", orDash(c.tokenId()) });
			rows.add(new String[] { "Expires", c.expiresAt() == null ? "never" : c.expiresAt().toString() });
		}
		rows.add(new String[] { "Organization", describe(c.organization()) });
		rows.add(new String[] { "Workspace", describe(c.workspace()) });
		rows.add(new String[] { "Deployment", describe(c.deployment()) });
		StringBuilder out = new StringBuilder();
		for (String[] row : rows) {
			out.append(String.format("%-13s %s%n", row[0] + ":", row[1]));
		}
		return out.toString().stripTrailing();
	}

	/** {@code status -o json}: the fields of the table, never the credential itself. */
	record StatusJson(String domain, String api, boolean loggedIn, String credential, String tokenId,
			String expiresAt, Ref organization, Ref workspace, Ref deployment) {

		static StatusJson of(SessionContext c) {
			return new StatusJson(c.domain(), c.baseUrl() == null ? null : c.baseUrl().toString(), c.loggedIn(),
					c.loggedIn() ? c.source().label() : null, c.tokenId(),
					c.expiresAt() == null ? null : c.expiresAt().toString(), c.organization(), c.workspace(),
					c.deployment());
		}
	}

	private static String describe(Ref ref) {
		if (ref == null) {
			return "-";
		}
		return ref.name() == null ? ref.id() : ref.name() + " (" + ref.id() + ")";
	}

	private static String orDash(String s) {
		return s == null ? "-" : s;
	}

	record ContextRow(String domain, boolean current, boolean loggedIn, String organization, String deployment) {
	}

	@Command(name = "context list", group = "Session", description = "List the saved contexts (one per domain)",
			help = "context list\ncontext list -o json")
	public String contextList(
			@Option(longName = "output", shortName = 'o', description = "table or json",
					defaultValue = "table") String output,
			@Option(longName = "json", description = "same as -o json") Boolean json) {
		SavedConfig config = store.load();
		String current = session.current().domain();
		List<ContextRow> rows = new ArrayList<>();
		if (config.context(SessionContext.SANDBOX) == null) {
			rows.add(new ContextRow(SessionContext.SANDBOX, current.equals(SessionContext.SANDBOX), true, null, null));
		}
		for (Saved s : config.contexts().values()) {
			rows.add(new ContextRow(s.domain(), s.domain().equals(current),
					s.token() != null || SessionContext.SANDBOX.equals(s.domain()), name(s.organization()),
					name(s.deployment())));
		}
		rows.sort((a, b) -> a.domain().compareTo(b.domain()));
		return renderer.render(OutputFormat.of(output, Boolean.TRUE.equals(json)), rows, rows,
				List.of(new Column<ContextRow>("CURRENT", r -> r.current() ? "*" : ""),
						new Column<>("DOMAIN", ContextRow::domain),
						new Column<>("LOGGED IN", r -> r.loggedIn() ? "yes" : "no"),
						new Column<>("ORGANIZATION", r -> orDash(r.organization())),
						new Column<>("DEPLOYMENT", r -> orDash(r.deployment()))));
	}

	private String pickContext() {
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("missing DOMAIN: run 'context list' to see the saved contexts");
		}
		List<String> domains = new ArrayList<>(store.load().contexts().keySet());
		if (!domains.contains(SessionContext.SANDBOX)) {
			domains.add(SessionContext.SANDBOX);
		}
		domains.sort(null);
		return Choices.select(prompter, "Select a context:", domains, d -> d,
				Math.max(0, domains.indexOf(session.current().domain())));
	}

	private static String name(Ref ref) {
		return ref == null ? null : ref.display();
	}

	@Command(name = "context switch", group = "Session", description = "Make a saved context current",
			help = "context switch\ncontext switch sandbox\ncontext switch astronomer.io", completionProvider = "contextCompletion")
	public String contextSwitch(
			@Argument(index = 0, description = "the context's domain; with none, pick one") String domain) {
		String target = domain == null || domain.isBlank() ? pickContext() : domain.trim();
		SessionContext c = session.switchContext(target);
		return "Switched to " + c.domain() + (c.loggedIn() || SessionContext.SANDBOX.equals(c.domain()) ? ""
				: " (not logged in: run 'login " + c.domain() + "')");
	}
}
