package dev.astroshell.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.astroshell.cli.CliException;
import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.stereotype.Component;

/**
 * {@code context import}: the {@code astro} CLI's contexts become the shell's, each with its domain, organization,
 * workspace and token. A token that has expired, or none, gives a context without a credential, to {@code login}
 * to. A context of the shell's own that has a login is kept unless the user asks to replace it.
 */
@Component
public class ContextImport {

	/** What became of one context of the file. */
	public record Outcome(String domain, Ref organization, Ref workspace, boolean withCredential, String note,
			boolean imported) {
	}

	/** Every context of the file, and whether the file's current context became the shell's. */
	public record Result(Path file, List<Outcome> outcomes, String current) {
	}

	private final Session session;

	private final ConfigStore store;

	private final Clock clock;

	ContextImport(Session session, ConfigStore store, Clock clock) {
		this.session = session;
		this.store = store;
		this.clock = clock;
	}

	public Result run(Path fileOption, boolean replace) {
		Path file = fileOption != null ? fileOption : AstroCliConfig.defaultFile();
		AstroCliConfig.Contents contents = AstroCliConfig.read(file);
		SavedConfig ours = store.load();
		List<Outcome> outcomes = new ArrayList<>();
		List<Saved> taken = new ArrayList<>();
		for (AstroCliConfig.Context c : contents.contexts()) {
			Outcome outcome = outcome(c, ours.context(c.domain()), replace);
			outcomes.add(outcome);
			if (outcome.imported()) {
				taken.add(new Saved(c.domain(), outcome.withCredential() ? c.token() : null, outcome.organization(),
						outcome.workspace(), null));
			}
		}
		String current = taken.stream().anyMatch(s -> s.domain().equals(contents.current())) ? contents.current()
				: null;
		if (!taken.isEmpty()) {
			session.addContexts(taken, current);
		}
		return new Result(file, List.copyOf(outcomes), current);
	}

	private Outcome outcome(AstroCliConfig.Context c, Saved existing, boolean replace) {
		Ref organization = c.organizationId() == null ? null : new Ref(c.organizationId(), null);
		Ref workspace = c.workspaceId() == null ? null : new Ref(c.workspaceId(), null);
		if (SessionContext.SANDBOX.equals(c.domain())) {
			return new Outcome(c.domain(), organization, workspace, false, "the shell's own sandbox: not imported",
					false);
		}
		try {
			session.baseUrlFor(c.domain());
		}
		catch (IllegalArgumentException notADomain) {
			return new Outcome(c.domain(), organization, workspace, false, "not a domain the shell can reach: "
					+ notADomain.getMessage(), false);
		}
		if (existing != null && existing.token() != null && !replace) {
			return new Outcome(c.domain(), existing.organization(), existing.workspace(), true,
					"kept the shell's own login (--replace takes astro's)", false);
		}
		String problem = tokenProblem(c.token());
		return new Outcome(c.domain(), organization, workspace, problem == null,
				problem == null ? null : problem + ": run 'login " + c.domain() + "'", true);
	}

	/** Why the token cannot be used (no credential is kept then), or null. */
	private String tokenProblem(String token) {
		if (token == null) {
			return "no token";
		}
		try {
			return TokenClaims.isExpired(token, clock) ? "the token has expired" : null;
		}
		catch (CliException notAJwt) {
			return "the token is not one the shell can read";
		}
	}

}
