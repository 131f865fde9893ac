package dev.astroshell.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.DefaultRole;
import dev.astroshell.api.Role;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.session.ListCache;

import org.springframework.stereotype.Component;

/**
 * The lists the token commands read: a deployment's (or a workspace's, or the organization's) tokens and the
 * roles of each kind of entity. Commands read token lists fresh; every read leaves the list's
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
		return of(Place.deployment(deploymentId));
	}

	/** The entity's tokens (E1 of its kind), every page; read fresh. */
	List<ApiToken> of(Place place) {
		return fresh(place.query(), place);
	}

	/** The same, each page handed to {@code page} as it arrives; only the summaries stay (in the cache). */
	void eachPage(Place place, Consumer<List<ApiToken>> page) {
		String org = gateway.organizationId();
		keep(org, place.query(), place, summaries(place.query(), place, page));
	}

	/** A query's tokens, every page, read fresh; the cache keeps their summaries with the role on the entity. */
	List<ApiToken> fresh(TokenQuery query, Place place) {
		String org = gateway.organizationId();
		List<ApiToken> tokens = gateway.tokens(label(query), query);
		keep(org, query, place, tokens.stream().map(t -> TokenSummary.of(t, place)).toList());
		return tokens;
	}

	/** Caches a list's summaries; a deployment's whole list also tells the {@link ExpiryNotice} what ends soon. */
	private List<TokenSummary> keep(String org, TokenQuery query, Place place, List<TokenSummary> summaries) {
		cache.put(key(org, query, place), summaries);
		if (place != null && place.family() == TokenFamily.DEPLOYMENT && query.equals(place.query())) {
			expiry.listed(org, place.id(), summaries);
		}
		return summaries;
	}

	/** The cached summaries, read once when absent or a minute old: for completion. */
	List<TokenSummary> cached(TokenQuery query, Place place) {
		String org = gateway.organizationId();
		List<TokenSummary> recent = cache.peek(key(org, query, place));
		return recent != null ? recent : keep(org, query, place, summaries(query, place, items -> {
		}));
	}

	/**
	 * The entity's tokens as the cache keeps them (read once when absent or a minute old): for a check that may miss
	 * a change of the last minute, never for what a write sends.
	 */
	List<TokenSummary> cachedOf(Place place) {
		return cached(place.query(), place);
	}

	/** The cached summaries when read less than a minute ago, else null; never reads. */
	List<TokenSummary> recent(TokenQuery query, Place place) {
		return cache.peek(key(gateway.organizationId(), query, place));
	}

	/** Reads every page, handing each to {@code page}, and keeps only the summaries. */
	private List<TokenSummary> summaries(TokenQuery query, Place place, Consumer<List<ApiToken>> page) {
		List<TokenSummary> summaries = new ArrayList<>();
		gateway.eachTokenPage(label(query), query, items -> {
			page.accept(items);
			items.forEach(t -> summaries.add(TokenSummary.of(t, place)));
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
		return roles(TokenFamily.DEPLOYMENT);
	}

	/**
	 * The roles a token may hold on the family's kind of entity: its built-in ones (least powerful first), the other
	 * built-in ones the API lists, then the organization's custom ones, by name.
	 */
	List<String> roles(TokenFamily family) {
		String org = gateway.organizationId();
		String scopeType = family.noun().toUpperCase(Locale.ROOT);
		return cache.get("roles:" + org + ":" + scopeType, () -> {
			List<String> listed = family.askDefaultRoles()
					? gateway.defaultRoles(ApiGateway.fetching("roles"), List.of(scopeType))
						.stream()
						.filter(r -> scopeType.equals(r.scopeType()))
						.map(DefaultRole::name)
						.toList()
					: List.of();
			List<String> custom = gateway.customRoles(ApiGateway.fetching("roles"), List.of(scopeType))
				.stream()
				.filter(r -> scopeType.equals(r.scopeType()))
				.map(Role::name)
				.sorted()
				.toList();
			return Stream.of(family.baseRoles(), listed, custom).flatMap(List::stream).distinct().toList();
		});
	}

	/** After any write: every deployment's token list may have changed (a token can have roles on several). */
	public void invalidate() {
		cache.invalidate("tokens:");
	}

	/** A list's key: its query, and the entity whose role its summaries keep. */
	private static String key(String org, TokenQuery query, Place place) {
		return "tokens:" + org + ":" + query + "@" + place;
	}
}
