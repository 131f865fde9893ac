package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.Role;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.session.ListCache;

import org.springframework.stereotype.Component;

/**
 * The lists the token commands read: a deployment's (or a workspace's, or the organization's) tokens and the
 * organization's deployment roles. Commands read token lists fresh; every read leaves the list's
 * {@link TokenSummary summaries} in the cache (one list per query and deployment), which completion reads so that a
 * Tab never waits twice for the same list, and name resolution may start from when it is less than a minute old.
 */
@Component
public class Tokens {

	static final String DEPLOYMENT_ADMIN = "DEPLOYMENT_ADMIN";

	private final TokenContext context;

	private final ListCache cache;

	private final ApiGateway gateway;

	private final ExpiryNotice expiry;

	public Tokens(TokenContext context, ListCache cache, ApiGateway gateway, ExpiryNotice expiry) {
		this.context = context;
		this.cache = cache;
		this.gateway = gateway;
		this.expiry = expiry;
	}

	/** Every token with a role on the deployment, all scopes, every page; read fresh. */
	public List<ApiToken> ofDeployment(String deploymentId) {
		return fresh(TokenQuery.ofDeployment(deploymentId), deploymentId);
	}

	/** The same, each page handed to {@code page} as it arrives; only the summaries stay (in the cache). */
	public void eachPageOfDeployment(String deploymentId, Consumer<List<ApiToken>> page) {
		String org = gateway.organizationId();
		TokenQuery query = TokenQuery.ofDeployment(deploymentId);
		keep(org, query, deploymentId, summaries(query, deploymentId, page));
	}

	/** A query's tokens, every page, read fresh; the cache keeps their summaries with the role on the deployment. */
	List<ApiToken> fresh(TokenQuery query, String deploymentId) {
		String org = gateway.organizationId();
		List<ApiToken> tokens = gateway.tokens(label(query), query);
		keep(org, query, deploymentId, tokens.stream().map(t -> TokenSummary.of(t, deploymentId)).toList());
		return tokens;
	}

	/** Caches a list's summaries; a deployment's whole list also tells the {@link ExpiryNotice} what ends soon. */
	private List<TokenSummary> keep(String org, TokenQuery query, String deploymentId, List<TokenSummary> summaries) {
		cache.put(key(org, query, deploymentId), summaries);
		if (query.equals(TokenQuery.ofDeployment(deploymentId))) {
			expiry.listed(org, deploymentId, summaries);
		}
		return summaries;
	}

	/** The cached summaries, read once when absent or a minute old: for completion. */
	List<TokenSummary> cached(TokenQuery query, String deploymentId) {
		String org = gateway.organizationId();
		List<TokenSummary> recent = cache.peek(key(org, query, deploymentId));
		return recent != null ? recent : keep(org, query, deploymentId, summaries(query, deploymentId, items -> {
		}));
	}

	/** The cached summaries when read less than a minute ago, else null; never reads. */
	List<TokenSummary> recent(TokenQuery query, String deploymentId) {
		return cache.peek(key(gateway.organizationId(), query, deploymentId));
	}

	/** Reads every page, handing each to {@code page}, and keeps only the summaries. */
	private List<TokenSummary> summaries(TokenQuery query, String deploymentId,
			Consumer<List<ApiToken>> page) {
		List<TokenSummary> summaries = new ArrayList<>();
		gateway.eachTokenPage(label(query), query, items -> {
			page.accept(items);
			items.forEach(t -> summaries.add(TokenSummary.of(t, deploymentId)));
		});
		return List.copyOf(summaries);
	}

	/** What a wait for the list says: {@code fetching tokens of etl-prod}, counting the tokens of etl-prod. */
	private Label label(TokenQuery query) {
		if (query.deploymentId() != null) {
			return ApiGateway.fetching("tokens of " + context.deploymentName(query.deploymentId()));
		}
		if (query.workspaceId() != null) {
			return ApiGateway.fetching("tokens of workspace " + context.workspaceName(query.workspaceId()));
		}
		return ApiGateway.fetching(query.organizationOnly() ? "organization tokens" : "tokens");
	}

	/** DEPLOYMENT_ADMIN and the organization's custom DEPLOYMENT roles, in that order. */
	public List<String> deploymentRoles() {
		String org = gateway.organizationId();
		return cache.get("roles:" + org + ":DEPLOYMENT", () -> {
			List<String> custom = gateway.customRoles(ApiGateway.fetching("roles"), List.of("DEPLOYMENT"))
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

	/** A list's key: its query, and the deployment whose role its summaries keep. */
	private static String key(String org, TokenQuery query, String deploymentId) {
		return "tokens:" + org + ":" + query + "@" + deploymentId;
	}
}
