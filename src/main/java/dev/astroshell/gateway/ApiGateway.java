package dev.astroshell.gateway;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.DefaultRole;
import dev.astroshell.api.Deployment;
import dev.astroshell.api.Organization;
import dev.astroshell.api.PageReader;
import dev.astroshell.api.PageReader.PageFetcher;
import dev.astroshell.api.Role;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRolesResult;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.api.Workspace;
import dev.astroshell.cli.Progress;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.gateway.Settled.Finding;
import dev.astroshell.gateway.Settled.Found;
import dev.astroshell.gateway.Settled.Kind;

import org.springframework.stereotype.Component;

/**
 * The one way the token, deployment, workspace and organization logic reaches the Astro API: blocking calls on the
 * current context's organization, each a wait its caller names ({@code fetching tokens of etl-prod},
 * {@code updating token roles}), shown on the running command's progress ({@link Waits}). Writes go through
 * {@link #settle}, the one write protocol; they are never retried.
 */
@Component
public class ApiGateway {

	private final BoundApi bound;

	private final Waits waits;

	private final AstroProperties.Api settings;

	public ApiGateway(BoundApi bound, Waits waits, AstroProperties properties) {
		this.bound = bound;
		this.waits = waits;
		this.settings = properties.api();
	}

	/** A wait that counts what it fetches: {@code fetching tokens of etl-prod}, counting {@code tokens of etl-prod}. */
	public static Label fetching(String items) {
		return new Label("fetching " + items, items);
	}

	public String organizationId() {
		return bound.organizationId();
	}

	// ---- reads

	/** E3. */
	public ApiToken token(Label label, String tokenId) {
		return waits.await(label, bound.api().getToken(organizationId(), tokenId));
	}

	/** E3, or empty when the token does not exist (404). */
	public Optional<ApiToken> tokenIfAny(Label label, String tokenId) {
		try {
			return Optional.of(token(label, tokenId));
		}
		catch (ApiException e) {
			if (e.isNotFound()) {
				return Optional.empty();
			}
			throw e;
		}
	}

	/** E1, every page. */
	public List<ApiToken> tokens(Label label, TokenQuery query) {
		String org = organizationId();
		return readAll(label, (offset, limit) -> bound.api().listTokens(org, query, offset, limit));
	}

	/**
	 * E1, every page handed to {@code page} in order on the calling thread as soon as it arrived, so that output can
	 * be written while the later pages are still on their way (with the progress line out of its way; {@code page}
	 * flushes what it writes).
	 */
	public void eachTokenPage(Label label, TokenQuery query, Consumer<List<ApiToken>> page) {
		String org = organizationId();
		PageFetcher<ApiToken> fetcher = (offset, limit) -> bound.api().listTokens(org, query, offset, limit);
		try (Progress.Task task = waits.progress().start(label);
				Stream<List<ApiToken>> pages = PageReader
					.pages(fetcher, settings.pageSize(), settings.pageConcurrency(), task::update)
					.toStream()) {
			pages.forEach(items -> task.whileHidden(() -> page.accept(items)));
		}
	}

	/** E8, every page: the organization's roles of these scopes, without the default ones. */
	public List<Role> customRoles(Label label, List<String> scopeTypes) {
		String org = organizationId();
		return readAll(label, (offset, limit) -> bound.api().listRoles(org, false, scopeTypes, offset, limit));
	}

	/** E8's first page, for its default roles: the built-in roles of these scopes (every page lists them all). */
	public List<DefaultRole> defaultRoles(Label label, List<String> scopeTypes) {
		return waits.await(label, bound.api().listRoles(organizationId(), true, scopeTypes, 0, 1)).defaultRoles();
	}

	/** E9, every page; an empty filter is left out. */
	public List<Deployment> deployments(Label label, List<String> workspaceIds) {
		String org = organizationId();
		return readAll(label,
				(offset, limit) -> bound.api().listDeployments(org, workspaceIds, List.of(), offset, limit));
	}

	/** E11, every page. */
	public List<Workspace> workspaces(Label label) {
		String org = organizationId();
		return readAll(label, (offset, limit) -> bound.api().listWorkspaces(org, offset, limit));
	}

	/** E13, every page: the organizations the credential sees. */
	public List<Organization> organizations(Label label) {
		return readAll(label, (offset, limit) -> bound.api().listOrganizations(offset, limit));
	}

	private <T> List<T> readAll(Label label, PageFetcher<T> fetcher) {
		try (Progress.Task task = waits.progress().start(label)) {
			return PageReader.readAll(fetcher, settings.pageSize(), settings.pageConcurrency(), task::update).block();
		}
	}

	// ---- writes: each is a Request, which a preview shows and send carries out

	/** E2. */
	public Request<ApiToken> createToken(CreateTokenRequest body) {
		return new Request<>("POST", "/organizations/" + organizationId() + "/tokens", body, "creating token",
				() -> bound.api().createToken(organizationId(), body));
	}

	/** E4. */
	public Request<ApiToken> updateToken(String tokenId, UpdateTokenRequest body) {
		return new Request<>("POST", tokenPath(tokenId), body, "updating token",
				() -> bound.api().updateToken(organizationId(), tokenId, body));
	}

	/** E5: replaces the token's whole role list. */
	public Request<TokenRolesResult> updateTokenRoles(String tokenId, UpdateTokenRolesRequest body) {
		return new Request<>("POST", tokenPath(tokenId) + "/roles", body, "updating token roles",
				() -> bound.api().updateTokenRoles(organizationId(), tokenId, body));
	}

	/** E6: the answer carries the new secret. */
	public Request<ApiToken> rotateToken(String tokenId) {
		return new Request<>("POST", tokenPath(tokenId) + "/rotate", null, "rotating token",
				() -> bound.api().rotateToken(organizationId(), tokenId));
	}

	/** E7. */
	public Request<Void> deleteToken(String tokenId) {
		return new Request<>("DELETE", tokenPath(tokenId), null, "deleting token",
				() -> bound.api().deleteToken(organizationId(), tokenId));
	}

	private String tokenPath(String tokenId) {
		return "/organizations/" + organizationId() + "/tokens/" + tokenId;
	}

	/** The write as a preview shows it, its path under the base URL's own path (such as {@code /v1}). */
	public PlannedRequest planned(Request<?> request) {
		String base = bound.baseUrl() == null ? "" : bound.baseUrl().getRawPath();
		String path = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path();
		return new PlannedRequest(request.method(), path, request.body());
	}

	/** Sends the write once and waits for its answer, shown with the write's label. */
	public <T> T send(Request<T> request) {
		return waits.await(Label.of(request.doing()), request.call().get());
	}

	// ---- the write protocol

	/**
	 * Sends the write once (never again) and tells how it ended. A clear refusal (a 4xx, a refused connection) is
	 * thrown as it came: nothing was written. When the answer is lost (no answer, or a 5xx a proxy may have sent for
	 * a write that was carried out), {@code readBack} reads the state now and says what it shows; when that read fails
	 * too, the outcome is {@link Kind#UNKNOWN}.
	 */
	public <T> Settled<T> settle(Request<T> write, ReadBack<T> readBack) {
		try {
			return new Settled<>(Kind.DONE, send(write), null, null);
		}
		catch (ApiException e) {
			if (!answerLost(e)) {
				throw e;
			}
			return afterLostAnswer(readBack, e);
		}
	}

	/**
	 * {@link #settle}, with the state read back after an answered write too, for a write that replaces what another
	 * writer may have changed meanwhile (E5): a change that is not what this write left is a {@link Kind#CONFLICT}.
	 * When only that check fails, the write is {@link Kind#DONE} with the read's failure.
	 */
	public <T> Settled<T> settleAndCheck(Request<?> write, ReadBack<T> readBack) {
		try {
			send(write);
		}
		catch (ApiException e) {
			if (!answerLost(e)) {
				throw e;
			}
			return afterLostAnswer(readBack, e);
		}
		Found<T> found;
		try {
			found = readBack.read();
		}
		catch (ApiException readFailure) {
			return new Settled<>(Kind.DONE, null, null, readFailure);
		}
		return new Settled<>(found.finding() == Finding.IN_PLACE ? Kind.DONE : Kind.CONFLICT, found.state(), null,
				null);
	}

	private static <T> Settled<T> afterLostAnswer(ReadBack<T> readBack, ApiException lost) {
		Found<T> found;
		try {
			found = readBack.read();
		}
		catch (ApiException readFailure) {
			return new Settled<>(Kind.UNKNOWN, null, lost, readFailure);
		}
		Kind kind = switch (found.finding()) {
			case IN_PLACE -> Kind.DONE_CONFIRMED_AFTER_LOST_ANSWER;
			case NOT_THERE -> Kind.NOT_DONE_CONFIRMED;
			case CHANGED_BY_ANOTHER -> Kind.CONFLICT;
		};
		return new Settled<>(kind, found.state(), lost, null);
	}

	/**
	 * Whether a failed write may nevertheless have been carried out: no answer at all (reset, timeout), or a 5xx that
	 * a proxy may have sent for a request the API did carry out. A 4xx is a clear refusal; a refused connection was
	 * never sent.
	 */
	public static boolean answerLost(ApiException e) {
		return e.kind() == ApiException.Kind.TRANSPORT || e.kind() == ApiException.Kind.HTTP && e.status() >= 500;
	}

	/** Reads the state after a write and says what it shows; its read failing is {@link ApiException}. */
	@FunctionalInterface
	public interface ReadBack<T> {
		Found<T> read();
	}
}
