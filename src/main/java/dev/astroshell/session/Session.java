package dev.astroshell.session;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.AstroApi;
import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.api.BaseUrls;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.Failure;
import dev.astroshell.gateway.BoundApi;
import dev.astroshell.gateway.Waits;
import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The target holder: the active {@link SessionContext} and the API client bound to it. Every change is saved to the
 * config file, rebinds the client and publishes a {@link SessionChangedEvent}. Commands read it; only the session
 * commands change it.
 */
public class Session implements BoundApi {

	private static final Logger log = LoggerFactory.getLogger(Session.class);

	static final String ENV_TOKEN = "ASTRO_API_TOKEN";

	static final String NOT_LOGGED_IN = "not logged in: run 'login' (or 'login sandbox')";

	private final ConfigStore store;

	private final BuiltInSandbox sandbox;

	private final AstroApiFactory clients;

	private final AstroProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String environmentToken;

	private final Waits waits;

	private record Bound(SessionContext context, AstroApi api) {
	}

	private volatile Bound bound;

	/** The config file was damaged when last read: every use of the context reads it again (and fails) until fixed. */
	private volatile boolean damaged;

	/** Where the {@code astro} CLI keeps its contexts. */
	private final Path astroCliConfig;

	public Session(ConfigStore store, BuiltInSandbox sandbox, AstroApiFactory clients, AstroProperties properties,
			ApplicationEventPublisher events, Clock clock, Map<String, String> environment, Waits waits) {
		this.store = store;
		this.waits = waits;
		this.sandbox = sandbox;
		this.clients = clients;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		String env = environment.get(ENV_TOKEN);
		this.environmentToken = env == null || env.isBlank() ? null : env.trim();
		this.astroCliConfig = AstroCliConfig.defaultFile(environment.get("HOME"));
		this.bound = new Bound(initialContext(), null);
	}

	/** A damaged config must not stop the shell from starting: help and login still work, and the REPL says why. */
	private SessionContext initialContext() {
		try {
			return fromSaved(store.load());
		}
		catch (ConfigStore.DamagedConfigException e) {
			damaged = true;
			return fromSaved(SavedConfig.EMPTY);
		}
	}

	/**
	 * The context as last known; cheap, never blocks. Fails with the config file's problem while it is damaged (then
	 * re-reads it, so a file fixed by hand is picked up without a restart).
	 */
	public SessionContext current() {
		if (damaged) {
			recover();
		}
		return bound.context();
	}

	private synchronized void recover() {
		if (damaged) {
			SessionContext c = fromSaved(store.load());
			damaged = false;
			bound = new Bound(c, null);
			events.publishEvent(new SessionChangedEvent(c));
		}
	}

	/** What is wrong with the config file, if it is damaged. */
	public Optional<String> configProblem() {
		try {
			current();
			return Optional.empty();
		}
		catch (ConfigStore.DamagedConfigException e) {
			return Optional.of(e.getMessage());
		}
	}

	/**
	 * The start of a login: a damaged config file is moved aside (kept as {@code config.yaml.broken-<time>}) and the
	 * session starts from an empty config. Returns where the damaged file went.
	 */
	public synchronized Optional<Path> startAfresh() {
		Optional<Path> kept = store.setAsideDamaged();
		if (kept.isPresent() || damaged) {
			damaged = false;
			bound = new Bound(fromSaved(store.load()), null);
		}
		return kept;
	}

	/**
	 * On a first start (no config of the shell's own) where the {@code astro} CLI has one: the line that says how to
	 * bring its logins in.
	 */
	public Optional<String> firstStartHint() {
		if (Files.exists(store.file()) || !Files.isRegularFile(astroCliConfig)) {
			return Optional.empty();
		}
		return Optional.of("Found the astro CLI's logins in " + astroCliConfig + ": 'context import' brings them in.");
	}

	/**
	 * The first lines a newcomer reads in the REPL: where the shell points and how to go on. A damaged config does not
	 * stop the REPL (help and login work), so they say at once what is wrong.
	 */
	public List<String> greeting() {
		Optional<String> problem = configProblem();
		String where = problem.isEmpty() && isSandbox()
				? "Offline sandbox with sample data ('login' connects to Astro). " : "";
		return Stream.of(Stream.of(where + "Type 'help' for the commands, 'exit' to leave."),
				problem.map(Failure::errorLine).stream(), firstStartHint().stream()).flatMap(s -> s).toList();
	}

	/** Whether the credential comes from ASTRO_API_TOKEN (a 401 then names that variable); false while damaged. */
	public boolean credentialFromEnvironment() {
		try {
			return current().source() == CredentialSource.ENVIRONMENT;
		}
		catch (RuntimeException damagedConfig) {
			return false;
		}
	}

	public boolean isSandbox() {
		return SessionContext.SANDBOX.equals(current().domain());
	}

	/** {@code ASTRO_API_TOKEN} is set, but the sandbox context, which uses its own token, is current. */
	public boolean environmentTokenIgnored() {
		return environmentToken != null && isSandbox();
	}

	/** The credential's claims; a token from ASTRO_API_TOKEN that cannot be used says where it comes from. */
	private TokenClaims claims(SessionContext c) {
		try {
			return TokenClaims.read(c.credential(), clock, c.organizationId());
		}
		catch (CliException unusable) {
			if (c.source() != CredentialSource.ENVIRONMENT) {
				throw unusable;
			}
			throw new CliException(unusable.getMessage() + " (the token in " + ENV_TOKEN + "; fix or unset it)",
					unusable.exitCode());
		}
	}

	/**
	 * Starts the sandbox in the background when it is the current context, and fills in what the saved context does
	 * not know yet (the organization's name), so that the prompt shows it without delaying the first prompt.
	 */
	public void warmUp() {
		if (isSandbox()) {
			sandbox.warmUp();
			CompletableFuture.runAsync(() -> {
				try {
					api();
				}
				catch (RuntimeException e) {
					log.warn("Sandbox session not ready: {}", e.getMessage());
				}
			});
		}
	}

	/** The client for the current context; fails with exit code 4 when logged out. */
	@Override
	public AstroApi api() {
		return bind().api();
	}

	/** The current context with its credential and base URL resolved (starting the sandbox if need be). */
	public SessionContext resolved() {
		return bind().context();
	}

	@Override
	public String organizationId() {
		return resolved().organizationId();
	}

	@Override
	public URI baseUrl() {
		return resolved().baseUrl();
	}

	private synchronized Bound bind() {
		current(); // fails while the config is damaged
		Bound b = bound;
		if (b.api() != null) {
			return b;
		}
		SessionContext c = b.context();
		if (SessionContext.SANDBOX.equals(c.domain())) {
			c = sandboxContext(c);
		}
		if (!c.loggedIn()) {
			throw CliException.auth(NOT_LOGGED_IN);
		}
		TokenClaims claims = claims(c);
		AstroApi api = clients.create(new ApiTarget(c.baseUrl(), c.credential()));
		boolean knownOrg = c.organization() != null && c.organization().id().equals(claims.organizationId())
				&& c.organization().name() != null;
		// an imported context knows its workspace by ID only
		boolean unnamedWorkspace = c.workspace() != null && c.workspace().name() == null;
		c = c.withCredentialDetails(claims.apiTokenId(), claims.expiresAt());
		if (!knownOrg || unnamedWorkspace) {
			// first use of this credential: learn the names once, then remember them
			String name = waits.organization(api, claims.organizationId()).name();
			boolean sameOrg = c.organization() != null && c.organization().id().equals(claims.organizationId());
			Ref org = new Ref(claims.organizationId(), name);
			c = sameOrg ? c.withOrganizationName(name) : c.withOrganization(org);
			if (sameOrg && unnamedWorkspace) {
				c = withWorkspaceName(c, api, claims.organizationId());
			}
			bound = new Bound(c, api);
			save(c, false);
			events.publishEvent(new SessionChangedEvent(c));
			return bound;
		}
		bound = new Bound(c, api);
		return bound;
	}

	/** The context with its workspace's name, or as it is when the workspace cannot be read (shown by ID). */
	private SessionContext withWorkspaceName(SessionContext c, AstroApi api, String organizationId) {
		try {
			String name = waits.workspace(api, organizationId, c.workspaceId()).name();
			return c.withWorkspace(new Ref(c.workspaceId(), name)).withDeployment(c.deployment());
		}
		catch (ApiException unreadable) {
			return c;
		}
	}

	private SessionContext sandboxContext(SessionContext c) {
		String token = sandbox.developmentToken();
		TokenClaims claims = TokenClaims.read(token, clock);
		Ref org = c.organization() != null && c.organization().id().equals(claims.organizationId()) ? c.organization()
				: new Ref(claims.organizationId(), null);
		boolean sameOrg = org == c.organization();
		return new SessionContext(SessionContext.SANDBOX, sandbox.baseUrl(), token, CredentialSource.SANDBOX,
				claims.apiTokenId(), claims.expiresAt(), org, sameOrg ? c.workspace() : null,
				sameOrg ? c.deployment() : null);
	}

	// ---- changes

	/**
	 * Logs in to a domain with a token: the claims give the organization and workspace, confirmed by the API
	 * before anything is saved.
	 */
	public synchronized SessionContext login(String domain, String token, CredentialSource source) {
		if (SessionContext.SANDBOX.equals(domain)) {
			// like 'context switch sandbox': back where the sandbox context was left, deployment included
			Saved saved = store.load().context(SessionContext.SANDBOX);
			change(sandboxContext(new SessionContext(SessionContext.SANDBOX, null, null, CredentialSource.SANDBOX, null,
					null, saved == null ? null : saved.organization(), saved == null ? null : saved.workspace(),
					saved == null ? null : saved.deployment())), true);
			// learns the organization's name, like any first use of a credential
			return resolved();
		}
		TokenClaims claims = TokenClaims.read(token, clock);
		URI baseUrl = baseUrlFor(domain);
		AstroApi api = clients.create(new ApiTarget(baseUrl, token));
		String orgName;
		try {
			orgName = waits.organization(api, claims.organizationId()).name();
		}
		catch (ApiException e) {
			if (e.status() == 401 || e.status() == 403) {
				throw new CliException("the token was refused by " + baseUrl.getHost() + ": " + e.getMessage(),
						dev.astroshell.cli.ExitCodes.AUTH, e);
			}
			throw e;
		}
		Ref workspace = null;
		if (claims.workspaceId() != null) {
			workspace = new Ref(claims.workspaceId(),
					waits.workspace(api, claims.organizationId(), claims.workspaceId()).name());
		}
		return change(new SessionContext(domain, baseUrl, token, source, claims.apiTokenId(), claims.expiresAt(),
				new Ref(claims.organizationId(), orgName), workspace, null), true);
	}

	/** Forgets the credential of the current context; its organization and place are kept for the next login. */
	public synchronized SessionContext logout() {
		SessionContext c = current();
		SessionContext out = new SessionContext(c.domain(), c.baseUrl(), null, CredentialSource.NONE, null, null,
				c.organization(), c.workspace(), c.deployment());
		return change(out, false);
	}

	public synchronized SessionContext switchContext(String domain) {
		Saved saved = store.load().context(domain);
		if (saved == null && !SessionContext.SANDBOX.equals(domain)) {
			throw CliException.usage("no context for " + domain + "; run 'login " + domain + "'");
		}
		store.update(cfg -> new SavedConfig(domain, cfg.contexts()));
		return change(fromSaved(store.load()), false);
	}

	public synchronized SessionContext setOrganization(Ref organization) {
		SessionContext c = resolved();
		// the same organization again keeps the workspace and deployment in it; another one starts with neither
		return change(organization.id().equals(c.organizationId()) ? c.withOrganizationName(organization.name())
				: c.withOrganization(organization), false);
	}

	/**
	 * Sets the current workspace. The current deployment stays when it belongs to that workspace (it is always in
	 * the current workspace), and is cleared otherwise.
	 */
	public synchronized SessionContext setWorkspace(Ref workspace) {
		SessionContext c = resolved();
		Ref deployment = workspace.id().equals(c.workspaceId()) ? c.deployment() : null;
		return change(c.withWorkspace(workspace).withDeployment(deployment), false);
	}

	/** Sets the current deployment and, with it, its workspace. */
	public synchronized SessionContext setDeployment(Ref workspace, Ref deployment) {
		return change(resolved().withWorkspace(workspace).withDeployment(deployment), false);
	}

	/**
	 * Saves contexts brought in from elsewhere ({@code context import}); {@code current}, when not null, becomes the
	 * current context.
	 */
	public synchronized SessionContext addContexts(List<Saved> contexts, String current) {
		store.update(cfg -> {
			SavedConfig next = cfg;
			for (Saved saved : contexts) {
				next = next.with(saved, saved.domain().equals(current));
			}
			return next;
		});
		SessionContext now = fromSaved(store.load());
		bound = new Bound(now, null);
		events.publishEvent(new SessionChangedEvent(now));
		return now;
	}

	private SessionContext change(SessionContext next, boolean makeCurrent) {
		save(next, makeCurrent);
		bound = new Bound(next, null);
		events.publishEvent(new SessionChangedEvent(next));
		return next;
	}

	private void save(SessionContext c, boolean makeCurrent) {
		// the sandbox's development token and an environment token are never written to the file
		boolean keepToken = c.source() == CredentialSource.LOGIN;
		UnaryOperator<SavedConfig> update = cfg -> {
			Saved previous = cfg.context(c.domain());
			String token = keepToken ? c.credential()
					: c.source() == CredentialSource.ENVIRONMENT && previous != null ? previous.token() : null;
			SavedConfig next = cfg.with(new Saved(c.domain(), token, c.organization(), c.workspace(), c.deployment()),
					makeCurrent || cfg.current() == null);
			return next;
		};
		store.update(update);
	}

	// ---- startup

	private SessionContext fromSaved(SavedConfig config) {
		String domain = config.current() != null ? config.current()
				: environmentToken != null ? "astronomer.io" : SessionContext.SANDBOX;
		Saved saved = config.context(domain);
		Ref org = saved == null ? null : saved.organization();
		Ref ws = saved == null ? null : saved.workspace();
		Ref dep = saved == null ? null : saved.deployment();
		if (SessionContext.SANDBOX.equals(domain)) {
			return new SessionContext(domain, null, null, CredentialSource.SANDBOX, null, null, org, ws, dep);
		}
		String token = environmentToken != null ? environmentToken : saved == null ? null : saved.token();
		CredentialSource source = environmentToken != null ? CredentialSource.ENVIRONMENT
				: token != null ? CredentialSource.LOGIN : CredentialSource.NONE;
		return new SessionContext(domain, baseUrlFor(domain), token, source, null, null, org, ws, dep);
	}

	/** @throws IllegalArgumentException when {@code domain} is not a domain, even with a base URL override */
	URI baseUrlFor(String domain) {
		URI byDomain = BaseUrls.forDomain(domain, properties.api().localhostPort());
		URI override = properties.api().baseUrl();
		return override != null ? override : byDomain;
	}
}
