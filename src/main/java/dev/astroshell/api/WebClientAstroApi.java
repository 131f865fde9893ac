package dev.astroshell.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.Pages.DeploymentsPage;
import dev.astroshell.api.Pages.OrganizationsPage;
import dev.astroshell.api.Pages.RolesPage;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.Pages.WorkspacesPage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

/**
 * The WebClient implementation of {@link AstroApi}. Every failure becomes an {@link ApiException} with a one-line
 * message; reads are retried on transient failures, writes never are.
 */
public class WebClientAstroApi implements AstroApi {

	/** Who is calling, said honestly: this shell, not the {@code astro} CLI ({@code cli}) it resembles. */
	static final String CLIENT_IDENTIFIER = "astro-shell";

	/** A whole answer is buffered before it is parsed: a page of 1000 tokens is far above the 256 KB default. */
	static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

	private final WebClient web;

	private final JsonMapper json;

	private final AstroProperties.Api settings;

	private final String host;

	public WebClientAstroApi(WebClient.Builder builder, JsonMapper json, AstroProperties.Api settings,
			ApiTarget target, String userAgent) {
		this.json = json;
		this.settings = settings;
		this.host = hostOf(target.baseUrl());
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.responseTimeout());
		WebClient.Builder b = builder.clone()
			.baseUrl(target.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
			.defaultHeader(HttpHeaders.USER_AGENT, userAgent)
			.defaultHeader("X-Astro-Client-Identifier", CLIENT_IDENTIFIER);
		if (target.bearerToken() != null) {
			b.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.bearerToken());
		}
		this.web = b.build();
	}

	// ---- tokens

	@Override
	public Mono<TokensPage> listTokens(String orgId, TokenQuery query, int offset, int limit) {
		return get(TokensPage.class, u -> {
			u.path("/organizations/{org}/tokens");
			if (query.deploymentId() != null) {
				u.queryParam("deploymentId", query.deploymentId());
			}
			if (query.workspaceId() != null) {
				u.queryParam("workspaceId", query.workspaceId());
			}
			if (query.organizationOnly()) {
				u.queryParam("includeOnlyOrganizationTokens", true);
			}
			query.sorts().forEach(s -> u.queryParam("sorts", s));
			return page(u, offset, limit).build(orgId);
		});
	}

	@Override
	public Mono<ApiToken> createToken(String orgId, CreateTokenRequest request) {
		return write(HttpMethod.POST, ApiToken.class, request, u -> u.path("/organizations/{org}/tokens").build(orgId));
	}

	@Override
	public Mono<ApiToken> getToken(String orgId, String tokenId) {
		return get(ApiToken.class, u -> u.path("/organizations/{org}/tokens/{id}").build(orgId, tokenId));
	}

	@Override
	public Mono<ApiToken> updateToken(String orgId, String tokenId, UpdateTokenRequest request) {
		return write(HttpMethod.POST, ApiToken.class, request,
				u -> u.path("/organizations/{org}/tokens/{id}").build(orgId, tokenId));
	}

	@Override
	public Mono<TokenRolesResult> updateTokenRoles(String orgId, String tokenId, UpdateTokenRolesRequest request) {
		return write(HttpMethod.POST, TokenRolesResult.class, request,
				u -> u.path("/organizations/{org}/tokens/{id}/roles").build(orgId, tokenId));
	}

	@Override
	public Mono<ApiToken> rotateToken(String orgId, String tokenId) {
		return write(HttpMethod.POST, ApiToken.class, null,
				u -> u.path("/organizations/{org}/tokens/{id}/rotate").build(orgId, tokenId));
	}

	@Override
	public Mono<Void> deleteToken(String orgId, String tokenId) {
		return write(HttpMethod.DELETE, Void.class, null,
				u -> u.path("/organizations/{org}/tokens/{id}").build(orgId, tokenId));
	}

	// ---- roles, deployments, workspaces, organizations, self

	@Override
	public Mono<RolesPage> listRoles(String orgId, boolean includeDefaultRoles, List<String> scopeTypes, int offset,
			int limit) {
		return get(RolesPage.class, u -> {
			u.path("/organizations/{org}/roles").queryParam("includeDefaultRoles", includeDefaultRoles);
			scopeTypes.forEach(s -> u.queryParam("scopeTypes", s));
			return page(u, offset, limit).build(orgId);
		});
	}

	@Override
	public Mono<DeploymentsPage> listDeployments(String orgId, List<String> workspaceIds, List<String> deploymentIds,
			int offset, int limit) {
		return get(DeploymentsPage.class, u -> {
			u.path("/organizations/{org}/deployments");
			workspaceIds.forEach(w -> u.queryParam("workspaceIds", w));
			deploymentIds.forEach(d -> u.queryParam("deploymentIds", d));
			return page(u, offset, limit).build(orgId);
		});
	}

	@Override
	public Mono<Deployment> getDeployment(String orgId, String deploymentId) {
		return get(Deployment.class, u -> u.path("/organizations/{org}/deployments/{id}").build(orgId, deploymentId));
	}

	@Override
	public Mono<WorkspacesPage> listWorkspaces(String orgId, int offset, int limit) {
		return get(WorkspacesPage.class,
				u -> page(u.path("/organizations/{org}/workspaces").queryParam("sorts", "name:asc"), offset, limit)
					.build(orgId));
	}

	@Override
	public Mono<Workspace> getWorkspace(String orgId, String workspaceId) {
		return get(Workspace.class, u -> u.path("/organizations/{org}/workspaces/{id}").build(orgId, workspaceId));
	}

	@Override
	public Mono<OrganizationsPage> listOrganizations(int offset, int limit) {
		return get(OrganizationsPage.class, u -> page(u.path("/organizations"), offset, limit).build());
	}

	@Override
	public Mono<Organization> getOrganization(String orgId) {
		return get(Organization.class, u -> u.path("/organizations/{org}").build(orgId));
	}

	@Override
	public Mono<SelfUser> getSelf() {
		return get(SelfUser.class, u -> u.path("/users/self").build());
	}

	// ---- transport

	private static UriBuilder page(UriBuilder u, int offset, int limit) {
		return u.queryParam("offset", offset).queryParam("limit", limit);
	}

	private <T> Mono<T> get(Class<T> type, Function<UriBuilder, URI> uri) {
		return exchange(HttpMethod.GET, type, null, uri).retryWhen(readRetry());
	}

	private <T> Mono<T> write(HttpMethod method, Class<T> type, Object body, Function<UriBuilder, URI> uri) {
		return exchange(method, type, body, uri);
	}

	private <T> Mono<T> exchange(HttpMethod method, Class<T> type, Object body, Function<UriBuilder, URI> uri) {
		WebClient.RequestBodySpec spec = web.method(method).uri(uri);
		WebClient.RequestHeadersSpec<?> request = body == null ? spec
				: spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		return request.exchangeToMono(response -> response.statusCode().is2xxSuccessful()
				? response.bodyToMono(type) : response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.flatMap(text -> Mono.error(httpError(response, text))))
			.onErrorMap(e -> !(e instanceof ApiException), this::transportError);
	}

	private ApiException httpError(ClientResponse response, String body) {
		int status = response.statusCode().value();
		Duration retryAfter = retryAfter(response.headers().header(HttpHeaders.RETRY_AFTER));
		try {
			JsonNode node = json.readTree(body);
			JsonNode message = node == null ? null : node.get("message");
			if (message != null && message.isString() && !message.asString().isBlank()) {
				List<ApiException.FieldError> fields = node.has("fieldErrors")
						? List.of(json.treeToValue(node.get("fieldErrors"), ApiException.FieldError[].class))
						: List.of();
				JsonNode requestId = node.get("requestId");
				String text = status == 403 ? permissionDenied(message.asString()) : message.asString();
				return new ApiException(ApiException.Kind.HTTP, status, text,
						requestId == null ? null : requestId.asString(), fields, retryAfter, null);
			}
		}
		catch (RuntimeException notJson) {
			// fall through: a proxy's HTML page or an empty body says nothing the user can act on
		}
		String text = status == 403 ? permissionDenied("this API token may not " + response.request().getMethod() + " "
				+ response.request().getURI().getPath()) : "failed to perform request, status " + status;
		return new ApiException(ApiException.Kind.HTTP, status, text, null, List.of(), retryAfter, null);
	}

	/** A 403 as one line: what the API refused (it names the role it needs, e.g. Astro's and the sandbox's do). */
	static String permissionDenied(String refusal) {
		return "permission denied: " + refusal
				+ "; use a token with that permission ('login' with it, or set ASTRO_API_TOKEN)";
	}

	/** Retry-After in seconds; the HTTP-date form is rare for this API and treated as absent. */
	private static Duration retryAfter(List<String> values) {
		if (values.isEmpty()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(values.get(0).trim())));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private ApiException transportError(Throwable e) {
		Throwable cause = e instanceof WebClientRequestException && e.getCause() != null ? e.getCause() : e;
		if (cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof io.netty.channel.ConnectTimeoutException) {
			return new ApiException(ApiException.Kind.CONNECT, 0,
					"cannot connect to " + host + ": " + describe(cause), null, List.of(), e);
		}
		if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException
				|| cause instanceof io.netty.handler.timeout.TimeoutException) {
			return new ApiException(ApiException.Kind.TRANSPORT, 0,
					"no answer from " + host + " within " + settings.responseTimeout().toSeconds() + "s", null,
					List.of(), e);
		}
		if (speaksPlainHttp(cause)) {
			// netty's message would be a hex dump of the plain HTTP answer
			return new ApiException(ApiException.Kind.TRANSPORT, 0, "the server at " + host
					+ " does not speak HTTPS; for a sandbox started with 'sandbox serve', run 'login localhost:PORT'",
					null, List.of(), e);
		}
		return new ApiException(ApiException.Kind.TRANSPORT, 0,
				"request to " + host + " failed: " + describe(cause), null, List.of(), e);
	}

	private static boolean speaksPlainHttp(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof NotSslRecordException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable cause) {
		if (cause instanceof PrematureCloseException) {
			return "the connection was closed before an answer arrived";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host";
		}
		String m = cause.getMessage();
		// netty adds the address to a connection's failure as "<message>: <address>", a missing message as "null"
		if (m == null || m.isBlank() || m.startsWith("null: ")) {
			return "the connection failed without a reason given (" + cause.getClass().getSimpleName() + ")";
		}
		// netty's native transport wraps the errno in its own words: keep only what a user recognises
		String lower = m.toLowerCase();
		for (String known : new String[] { "connection refused", "connection reset", "no route to host",
				"network is unreachable" }) {
			if (lower.contains(known)) {
				return known;
			}
		}
		return m;
	}

	/** GETs only: 429 (after Retry-After), 502, 503, 504 and dropped connections, with capped backoff. */
	private Retry readRetry() {
		return Retry.from(signals -> signals.concatMap(signal -> {
			Throwable failure = signal.failure();
			long attempt = signal.totalRetries() + 1;
			if (attempt >= settings.maxAttempts() || !(failure instanceof ApiException api) || !retryable(api)) {
				return Mono.error(failure);
			}
			return Mono.delay(delayBefore(attempt, api));
		}));
	}

	private static boolean retryable(ApiException e) {
		return switch (e.kind()) {
			case HTTP -> e.status() == 429 || e.status() == 502 || e.status() == 503 || e.status() == 504;
			case TRANSPORT -> e.getCause() != null && isReset(e);
			case CONNECT -> false;
		};
	}

	private static boolean isReset(ApiException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof PrematureCloseException || (t.getMessage() != null
					&& t.getMessage().toLowerCase().contains("connection reset"))) {
				return true;
			}
		}
		return false;
	}

	private Duration delayBefore(long attempt, ApiException e) {
		Duration exponential = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
		Duration wanted = e.retryAfter() != null ? e.retryAfter() : exponential;
		return wanted.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : wanted;
	}

	private static String hostOf(URI baseUrl) {
		return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
	}
}
