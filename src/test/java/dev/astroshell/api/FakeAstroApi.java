package dev.astroshell.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.astroshell.api.Pages.DeploymentsPage;
import dev.astroshell.api.Pages.OrganizationsPage;
import dev.astroshell.api.Pages.RolesPage;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.Pages.WorkspacesPage;
import reactor.core.publisher.Mono;

/**
 * An in-memory {@link AstroApi} for unit tests of the logic above the client, in the style of gh's httpmock: register
 * each call a test expects with its answer; any other call fails the test at once with an {@link AssertionError}
 * (which no production code catches), and {@link #verifyAllCalled()} fails when an expected call was not made.
 *
 * <pre>
 * api.expect("getToken", ORG, "t1").reply(token);
 * api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("new", "")).fail(FakeAstroApi.lostAnswer());
 * </pre>
 *
 * Endpoints are named by their {@link AstroApi} method; arguments are compared with {@code equals}, {@link #ANY}
 * matches anything. Each expectation answers one call; expectations are matched in the order registered.
 */
public final class FakeAstroApi implements AstroApi {

	/** Matches any argument. */
	public static final Object ANY = new Object() {
		@Override
		public String toString() {
			return "ANY";
		}
	};

	/** One expected call and its answer. */
	public final class Expectation {

		private final String endpoint;

		private final Object[] args;

		private Supplier<Mono<?>> answer;

		private boolean called;

		private Expectation(String endpoint, Object[] args) {
			this.endpoint = endpoint;
			this.args = args;
		}

		/** Answers with {@code value}. */
		public FakeAstroApi reply(Object value) {
			return answer(() -> Mono.justOrEmpty(value));
		}

		/** Answers with the failure. */
		public FakeAstroApi fail(ApiException failure) {
			return answer(() -> Mono.error(failure));
		}

		/** Answers with whatever {@code answer} gives when the call is made (e.g. a state another call changed). */
		public FakeAstroApi answer(Supplier<Mono<?>> answer) {
			this.answer = answer;
			return FakeAstroApi.this;
		}

		private boolean matches(String calledEndpoint, Object[] calledArgs) {
			if (called || !endpoint.equals(calledEndpoint) || args.length != calledArgs.length) {
				return false;
			}
			for (int i = 0; i < args.length; i++) {
				if (args[i] != ANY && !Objects.deepEquals(args[i], calledArgs[i])) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return describe(endpoint, args);
		}
	}

	private final List<Expectation> expected = new ArrayList<>();

	private final List<String> calls = new ArrayList<>();

	/** Expects one call of {@code endpoint} (an {@link AstroApi} method name) with these arguments. */
	public synchronized Expectation expect(String endpoint, Object... args) {
		boolean exists = Arrays.stream(AstroApi.class.getMethods())
			.map(Method::getName)
			.anyMatch(endpoint::equals);
		if (!exists) {
			throw new IllegalArgumentException("AstroApi has no method " + endpoint);
		}
		Expectation e = new Expectation(endpoint, args);
		expected.add(e);
		return e;
	}

	/** The calls made so far, in order, e.g. {@code getToken(org-1, t1)}. */
	public synchronized List<String> calls() {
		return List.copyOf(calls);
	}

	/** Fails when an expected call was not made. */
	public synchronized void verifyAllCalled() {
		List<Expectation> missing = expected.stream().filter(e -> !e.called).toList();
		if (!missing.isEmpty()) {
			throw new AssertionError("expected calls not made: " + missing + "; calls made: " + calls);
		}
	}

	/** A write whose answer never arrived: the request may have been carried out. */
	public static ApiException lostAnswer() {
		return new ApiException(ApiException.Kind.TRANSPORT, 0, "connection reset by api.test", null, List.of(), null);
	}

	/** An error answer with this status. */
	public static ApiException status(int status, String message) {
		return new ApiException(ApiException.Kind.HTTP, status, message, "req-test", List.of(), null);
	}

	@SuppressWarnings("unchecked")
	private synchronized <T> Mono<T> call(String endpoint, Object... args) {
		calls.add(describe(endpoint, args));
		for (Expectation e : expected) {
			if (e.matches(endpoint, args)) {
				e.called = true;
				if (e.answer == null) {
					throw new AssertionError("no answer registered for " + e);
				}
				return (Mono<T>) e.answer.get();
			}
		}
		throw new AssertionError("unexpected call " + describe(endpoint, args) + "; still expected: "
				+ expected.stream().filter(x -> !x.called).toList());
	}

	private static String describe(String endpoint, Object[] args) {
		return endpoint + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
	}

	@Override
	public Mono<TokensPage> listTokens(String orgId, TokenQuery query, int offset, int limit) {
		return call("listTokens", orgId, query, offset, limit);
	}

	@Override
	public Mono<ApiToken> createToken(String orgId, CreateTokenRequest request) {
		return call("createToken", orgId, request);
	}

	@Override
	public Mono<ApiToken> getToken(String orgId, String tokenId) {
		return call("getToken", orgId, tokenId);
	}

	@Override
	public Mono<ApiToken> updateToken(String orgId, String tokenId, UpdateTokenRequest request) {
		return call("updateToken", orgId, tokenId, request);
	}

	@Override
	public Mono<TokenRolesResult> updateTokenRoles(String orgId, String tokenId, UpdateTokenRolesRequest request) {
		return call("updateTokenRoles", orgId, tokenId, request);
	}

	@Override
	public Mono<ApiToken> rotateToken(String orgId, String tokenId) {
		return call("rotateToken", orgId, tokenId);
	}

	@Override
	public Mono<Void> deleteToken(String orgId, String tokenId) {
		return call("deleteToken", orgId, tokenId);
	}

	@Override
	public Mono<RolesPage> listRoles(String orgId, boolean includeDefaultRoles, List<String> scopeTypes, int offset,
			int limit) {
		return call("listRoles", orgId, includeDefaultRoles, scopeTypes, offset, limit);
	}

	@Override
	public Mono<DeploymentsPage> listDeployments(String orgId, List<String> workspaceIds, List<String> deploymentIds,
			int offset, int limit) {
		return call("listDeployments", orgId, workspaceIds, deploymentIds, offset, limit);
	}

	@Override
	public Mono<Deployment> getDeployment(String orgId, String deploymentId) {
		return call("getDeployment", orgId, deploymentId);
	}

	@Override
	public Mono<WorkspacesPage> listWorkspaces(String orgId, int offset, int limit) {
		return call("listWorkspaces", orgId, offset, limit);
	}

	@Override
	public Mono<Workspace> getWorkspace(String orgId, String workspaceId) {
		return call("getWorkspace", orgId, workspaceId);
	}

	@Override
	public Mono<OrganizationsPage> listOrganizations(int offset, int limit) {
		return call("listOrganizations", offset, limit);
	}

	@Override
	public Mono<Organization> getOrganization(String orgId) {
		return call("getOrganization", orgId);
	}

	@Override
	public Mono<SelfUser> getSelf() {
		return call("getSelf");
	}
}
