package dev.astroshell.sandbox;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.astroshell.AstroProperties.Faults;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox: an HTTP server on 127.0.0.1 that speaks the Astro API v1 under {@code /v1} over a {@link SandboxData}
 * dir, plus its own management endpoints under {@code /sandbox} (development token only):
 * {@code GET|PUT /sandbox/faults}, {@code POST /sandbox/reset}, {@code POST /sandbox/organizations {name}}.
 * <p>
 * A plain object (no Spring context): Reactor Netty serving WebFlux functional routes. Several servers, in one
 * process or several, may share a data dir.
 */
public final class SandboxServer implements AutoCloseable {

	/** A {@code /v1} request as received: method, raw path and raw query (null when none). */
	public record LoggedRequest(String method, String path, String query) {
	}

	/** The port is taken by another program. */
	public static final class PortInUseException extends IllegalStateException {
		PortInUseException(int port, Throwable cause) {
			super("port " + port + " is already in use", cause);
		}
	}

	/**
	 * How long a client may take to send a request's headers. (No read timeout on bodies: Reactor Netty's would also
	 * cut a request whose answer is slow, e.g. under injected latency.)
	 */
	static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

	/** How long a keep-alive connection may wait for its next request. */
	static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

	private final SandboxData data;

	private final int requestedPort;

	private final FaultInjector faults;

	/** The request log keeps this many, so that a long-running server does not grow with every request. */
	static final int LOGGED_REQUESTS = 10_000;

	/** Guarded by itself; appending is O(1) (a copy-on-write list copied itself on every request). */
	private final Deque<LoggedRequest> requests = new ArrayDeque<>();

	/** Requests to hold on their way in, each the next one that matches. */
	private final Queue<HeldRequest> holds = new ConcurrentLinkedQueue<>();

	/** The requests being held now. */
	private final Set<HeldRequest> holding = ConcurrentHashMap.newKeySet();

	private volatile DisposableServer server;

	private volatile Duration headerTimeout = HEADER_TIMEOUT;

	/** @param port 0 picks a free port */
	public SandboxServer(Path dataDir, int port, Faults faults) {
		this(dataDir, port, faults, Clock.systemUTC());
	}

	/** @param clock the sandbox's notion of now (tests move it to expire tokens) */
	public SandboxServer(Path dataDir, int port, Faults faults, Clock clock) {
		this.data = new SandboxData(dataDir, clock);
		this.requestedPort = port;
		this.faults = new FaultInjector(faults);
	}

	/** Binds and serves; returns when the port is bound. */
	public synchronized SandboxServer start() {
		if (server != null) {
			return this;
		}
		SandboxApi api = new SandboxApi(data);
		JsonEndpoints endpoints = new JsonEndpoints(data.store(), data.json(), api::authenticate);
		RouterFunction<ServerResponse> routes = api.routes(endpoints)
			.and(managementRoutes(api, endpoints))
			.and(route().route(request -> true, endpoints.refuse(request -> ApiError.notFound("no such path: "
					+ request.path()))).build());
		HandlerStrategies strategies = HandlerStrategies.builder()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(JsonEndpoints.MAX_BODY_BYTES))
			.build();
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
				RouterFunctions.toHttpHandler(routes, strategies));
		Duration headerTimeout = this.headerTimeout;
		try {
			server = HttpServer.create()
				.host("127.0.0.1")
				.port(requestedPort)
				.idleTimeout(IDLE_TIMEOUT)
				.doOnChannelInit((observer, channel, address) -> HeaderDeadline.install(channel, headerTimeout))
				.handle((request, response) -> serve(request, response, adapter))
				.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			if (isPortInUse(ex)) {
				throw new PortInUseException(requestedPort, ex);
			}
			throw ex;
		}
		return this;
	}

	/** Before {@link #start()}: a shorter header deadline, for tests. */
	SandboxServer headerTimeout(Duration timeout) {
		this.headerTimeout = timeout;
		return this;
	}

	public int port() {
		return running().port();
	}

	/** {@code http://127.0.0.1:<port>/v1}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port() + "/v1");
	}

	/** The development token (an organization owner of {@link SandboxSeed#ORGANIZATION_ID}). */
	public String developmentToken() {
		return data.developmentToken();
	}

	/** Restores the seed; the development token stays valid. */
	public void reset() {
		data.reset();
	}

	public SandboxData data() {
		return data;
	}

	public Faults faults() {
		return faults.settings();
	}

	public void setFaults(Faults newFaults) {
		faults.settings(newFaults);
	}

	/** The next {@code count} requests that match the faults' path and method filters are answered {@code status}. */
	public void failNext(int count, int status) {
		faults.failNext(count, status);
	}

	/** The next {@code count} matching requests have their connection reset without an answer. */
	public void dropNext(int count) {
		faults.dropNext(count);
	}

	/** The next {@code count} matching requests are carried out, but the connection drops before the answer. */
	public void loseNextAnswers(int count) {
		faults.loseNextAnswers(count);
	}

	/**
	 * Holds the next {@code /v1} request of that method whose path contains {@code pathPart} on its way in, before
	 * the API sees it, until {@link HeldRequest#release()}. No other fault applies to it until it is released.
	 */
	public HeldRequest holdNext(String method, String pathPart) {
		HeldRequest hold = new HeldRequest(method, pathPart);
		holds.add(hold);
		return hold;
	}

	/** Forgets planned failures and holds that were not used up, and releases every request held. */
	public void clearPlannedFaults() {
		faults.clearPlan();
		holds.clear();
		holding.forEach(HeldRequest::release);
	}

	/**
	 * The {@code /v1} requests seen since the start or the last {@link #clearRequests()}, in order (at most the last
	 * {@value #LOGGED_REQUESTS}).
	 */
	public List<LoggedRequest> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	public void clearRequests() {
		synchronized (requests) {
			requests.clear();
		}
	}

	/** Serves until the server is closed or the thread is interrupted. */
	public void awaitClose() {
		running().onDispose().block();
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			server.disposeNow(Duration.ofSeconds(5));
			server = null;
		}
		data.close();
	}

	private DisposableServer running() {
		DisposableServer current = server;
		if (current == null) {
			throw new IllegalStateException("the sandbox server is not started");
		}
		return current;
	}

	/** Logs and injects faults into {@code /v1} requests; management requests are never faulted. */
	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response,
			ReactorHttpHandlerAdapter adapter) {
		String uri = request.uri();
		int q = uri.indexOf('?');
		String path = q < 0 ? uri : uri.substring(0, q);
		if (!path.startsWith("/v1")) {
			return adapter.apply(request, response);
		}
		String method = request.method().name();
		log(new LoggedRequest(method, path, q < 0 ? null : uri.substring(q + 1)));
		HeldRequest hold = takeHold(method, path);
		if (hold != null) {
			holding.add(hold);
			// the faults are decided once it goes on, so that a plan meant for later requests is not used up first
			return hold.held()
				.doFinally(signal -> holding.remove(hold))
				.then(Mono.defer(() -> faulted(request, response, adapter, method, path)));
		}
		return faulted(request, response, adapter, method, path);
	}

	/** The first hold that matches, taken off the queue; null when none does. */
	private HeldRequest takeHold(String method, String path) {
		for (HeldRequest hold : holds) {
			if (hold.matches(method, path) && holds.remove(hold)) {
				return hold;
			}
		}
		return null;
	}

	private Mono<Void> faulted(HttpServerRequest request, HttpServerResponse response,
			ReactorHttpHandlerAdapter adapter, String method, String path) {
		FaultInjector.Decision decision = faults.decide(method, path);
		Mono<Void> answer = Mono.defer(() -> {
			if (decision.drop()) {
				return drop(response);
			}
			if (decision.loseAnswer()) {
				loseAnswer(response);
			}
			if (decision.status() > 0) {
				// read the body first, else its bytes would be taken for the next request on this connection
				return request.receive().then(Mono.defer(() -> injectedError(response, decision.status())));
			}
			return adapter.apply(request, response);
		});
		return decision.latency().isZero() ? answer : Mono.delay(decision.latency()).then(answer);
	}

	void log(LoggedRequest request) {
		synchronized (requests) {
			if (requests.size() == LOGGED_REQUESTS) {
				requests.removeFirst();
			}
			requests.addLast(request);
		}
	}

	/** Resets the connection (SO_LINGER 0 makes close send RST), so that the client sees no answer at all. */
	private static Mono<Void> drop(HttpServerResponse response) {
		response.withConnection(connection -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
		return Mono.empty();
	}

	/**
	 * The request is carried out, but the connection is reset when its answer is written: the client cannot tell
	 * whether a write happened (the case a non-idempotent rotate must report honestly).
	 */
	private static void loseAnswer(HttpServerResponse response) {
		response.withConnection(connection -> connection.addHandlerFirst("sandbox-lose-answer",
				new ChannelOutboundHandlerAdapter() {
					@Override
					public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
						ReferenceCountUtil.release(message);
						promise.setSuccess();
						ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
						ctx.channel().close();
					}
				}));
	}

	private Mono<Void> injectedError(HttpServerResponse response, int status) {
		response.status(status).header("Content-Type", "application/json");
		if (status == 429) {
			response.header("Retry-After", Integer.toString(faults.settings().retryAfter()));
		}
		String message = status == 429 ? "rate limit exceeded (injected by the sandbox)"
				: "HTTP " + status + " injected by the sandbox";
		return response.sendString(Mono.just(data.json().writeValueAsString(ApiError.Body.of(status, message, null))))
			.then();
	}

	private RouterFunction<ServerResponse> managementRoutes(SandboxApi api, JsonEndpoints endpoints) {
		return route().GET("/sandbox/faults", endpoints.read((call, tx) -> {
			requireDevelopmentToken(api, call, tx);
			return FaultSettings.of(faults.settings());
		})).PUT("/sandbox/faults", endpoints.read((call, tx) -> {
			requireDevelopmentToken(api, call, tx);
			faults.settings(FaultSettings.parse(call.jsonObject()));
			return FaultSettings.of(faults.settings());
		})).POST("/sandbox/reset", endpoints.write((call, tx) -> {
			requireDevelopmentToken(api, call, tx);
			data.reset(tx);
			return null;
		})).POST("/sandbox/organizations", endpoints.write((call, tx) -> {
			requireDevelopmentToken(api, call, tx);
			JsonNode body = call.jsonObject();
			FieldChecks checks = new FieldChecks();
			String name = checks.text(body, "name", true, 250);
			checks.throwIfAny();
			return data.createOrganization(tx, name);
		})).build();
	}

	private static void requireDevelopmentToken(SandboxApi api, Call call, SandboxStore.Tx tx) {
		if (!api.authenticate(call, tx).tokenId().equals(SandboxSeed.TOKEN_DEVELOPMENT_ID)) {
			throw ApiError.forbidden("the sandbox's management endpoints need the development token");
		}
	}

	/** A JDK BindException, or the native transport's own error (not a BindException) with the OS's text. */
	private static boolean isPortInUse(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
				return true;
			}
		}
		return false;
	}
}
