package dev.astroshell.session;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Optional;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.cli.Renderer;
import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static dev.astroshell.cli.TerminalText.oneLine;

/** login, logout, status and the contexts (docs/commands.md §1): parse, delegate to {@link Session}, render. */
@Component
public class SessionCommands {

	private final Session session;

	private final LoginTokenInput tokenInput;

	private final Renderer renderer;

	private final ConfigStore store;

	private final ContextPicker contextPicker;

	public SessionCommands(Session session, LoginTokenInput tokenInput, Renderer renderer, ConfigStore store,
			ContextPicker contextPicker) {
		this.session = session;
		this.tokenInput = tokenInput;
		this.renderer = renderer;
		this.store = store;
		this.contextPicker = contextPicker;
	}

	@Command(name = "login", group = "Session", description = "Log in to Astro (or the sandbox) with an API token",
			help = """
					login                                  # astronomer.io; the token is asked for, masked
					login --token-login                    # the same, as astro spells it
					login cloud.astronomer.io --token-file ~/.astro/token
					ASTRO_API_TOKEN=… astro-shell login     # reads the token from the environment
					login sandbox                          # the built-in sandbox, no token needed
					login localhost                        # a sandbox started with 'sandbox serve'""")
	public String login(
			@Argument(index = 0, description = "the Astro domain (default astronomer.io), or 'sandbox'",
					defaultValue = "astronomer.io") @CompletedBy(LoginCompletion.class) String domain,
			@Option(longName = "token-file", description = "read the API token from this file")
			@CompletedBy(LoginCompletion.FilePaths.class) String tokenFile,
			@Option(longName = "token-login",
					description = "astro's spelling of the default: ASTRO_API_TOKEN, else a masked prompt") boolean tokenLogin) {
		if (tokenLogin && tokenFile != null) {
			throw CliException.usage("--token-login asks for the token, --token-file reads it: give one of them");
		}
		String target = domain == null || domain.isBlank() ? "astronomer.io" : domain.trim();
		boolean sandbox = SessionContext.SANDBOX.equals(target);
		if (!sandbox) {
			session.baseUrlFor(target); // a bad domain fails before the token is asked for
		}
		String token = sandbox ? null : tokenInput.read(tokenFile, target);
		// a login is the way out of a damaged config: the file is kept aside, never overwritten
		Optional<Path> kept = session.startAfresh();
		SessionContext c = session.login(target, token, sandbox ? CredentialSource.SANDBOX : CredentialSource.LOGIN);
		return "Logged in to " + c.domain() + " (organization " + oneLine(c.organization().display())
				+ (c.workspace() == null ? "" : ", workspace " + oneLine(c.workspace().display()))
				+ (c.deployment() == null ? "" : ", deployment " + oneLine(c.deployment().display())) + ")"
				+ kept.map(k -> "\nThe damaged config file was kept as " + k + "; this login starts a fresh one.")
					.orElse("");
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
		if (session.environmentTokenIgnored()) {
			out.append(Session.ENV_TOKEN + " is set but not used: the sandbox context has its own token (")
				.append("'context switch DOMAIN' uses it)\n");
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

	/** A name from the API or the config file, on its one line of the status. */
	private static String describe(Ref ref) {
		if (ref == null) {
			return "-";
		}
		return oneLine(ref.name() == null ? ref.id() : ref.name() + " (" + ref.id() + ")");
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

	private static String name(Ref ref) {
		return ref == null ? null : ref.display();
	}

	@Command(name = "context switch", group = "Session", description = "Make a saved context current",
			help = "context switch\ncontext switch sandbox\ncontext switch astronomer.io")
	public String contextSwitch(
			@Argument(index = 0, description = "the context's domain; with none, pick one")
			@CompletedBy(ContextCompletion.class) String domain) {
		String target = domain == null || domain.isBlank() ? contextPicker.pick() : domain.trim();
		SessionContext c = session.switchContext(target);
		return "Switched to " + c.domain() + (c.loggedIn() || SessionContext.SANDBOX.equals(c.domain()) ? ""
				: " (not logged in: run 'login " + c.domain() + "')");
	}
}
