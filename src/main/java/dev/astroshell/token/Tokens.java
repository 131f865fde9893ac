package dev.astroshell.token;

import java.util.List;
import java.util.stream.Stream;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.Role;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.session.Apis;
import dev.astroshell.session.ListCache;

import org.springframework.stereotype.Component;

/**
 * The lists the token commands read: a deployment's tokens and the organization's deployment roles. Commands read
 * them fresh (and refresh the cache); completion reads the cache, so a Tab never waits twice for the same list.
 */
@Component
public class Tokens {

	static final String DEPLOYMENT_ADMIN = "DEPLOYMENT_ADMIN";

	private final TokenContext context;

	private final ListCache cache;

	private final AstroProperties properties;

	public Tokens(TokenContext context, ListCache cache, AstroProperties properties) {
		this.context = context;
		this.cache = cache;
		this.properties = properties;
	}

	/** Every token with a role on the deployment, all scopes, every page; read fresh. */
	public List<ApiToken> ofDeployment(String deploymentId) {
		return fresh("deployment:" + deploymentId, TokenQuery.ofDeployment(deploymentId));
	}

	/** The cached list, read once when absent: for completion. */
	public List<ApiToken> ofDeploymentCached(String deploymentId) {
		return cached("deployment:" + deploymentId, TokenQuery.ofDeployment(deploymentId));
	}

	/** The workspace's tokens; read fresh. */
	public List<ApiToken> ofWorkspace(String workspaceId) {
		return fresh("workspace:" + workspaceId, TokenQuery.ofWorkspace(workspaceId));
	}

	public List<ApiToken> ofWorkspaceCached(String workspaceId) {
		return cached("workspace:" + workspaceId, TokenQuery.ofWorkspace(workspaceId));
	}

	/** The organization-scoped tokens; read fresh. */
	public List<ApiToken> ofOrganization() {
		return fresh("organization", TokenQuery.organizationTokens());
	}

	public List<ApiToken> ofOrganizationCached() {
		return cached("organization", TokenQuery.organizationTokens());
	}

	private List<ApiToken> fresh(String what, TokenQuery query) {
		String org = context.organizationId();
		List<ApiToken> tokens = read(org, query);
		cache.put(key(org, what), tokens);
		return tokens;
	}

	private List<ApiToken> cached(String what, TokenQuery query) {
		String org = context.organizationId();
		return cache.get(key(org, what), () -> read(org, query));
	}

	private List<ApiToken> read(String org, TokenQuery query) {
		return Apis.readAll(properties.api(),
				(offset, limit) -> context.api().listTokens(org, query, offset, limit));
	}

	/** DEPLOYMENT_ADMIN and the organization's custom DEPLOYMENT roles, in that order. */
	public List<String> deploymentRoles() {
		String org = context.organizationId();
		return cache.get("roles:" + org + ":DEPLOYMENT", () -> {
			List<String> custom = Apis.readAll(properties.api(), (offset, limit) -> context.api()
				.listRoles(org, false, List.of("DEPLOYMENT"), offset, limit))
				.stream()
				.filter(r -> "DEPLOYMENT".equals(r.scopeType()))
				.map(Role::name)
				.sorted()
				.toList();
			return Stream.concat(Stream.of(DEPLOYMENT_ADMIN), custom.stream()).distinct().toList();
		});
	}

	/** After any write: every deployment's token list may have changed (a token can have roles on several). */
	public void invalidate() {
		cache.invalidate("tokens:");
	}

	private static String key(String org, String what) {
		return "tokens:" + org + ":" + what;
	}
}
