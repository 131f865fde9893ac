package dev.astroshell.sandbox;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs JSON endpoints: reads the whole body, runs the endpoint in one store transaction on a worker thread (JDBC
 * blocks), answers 200 with the result as JSON, or 204 when it returns null, or the error body. A body over
 * {@link #MAX_BODY_BYTES} is a 413 for an authenticated caller (a 401 for anyone else).
 */
final class JsonEndpoints {

	private static final Logger log = LoggerFactory.getLogger(JsonEndpoints.class);

	/** One endpoint: its answer, or null for 204. Throws {@link ApiError} to refuse. */
	@FunctionalInterface
	interface Endpoint {
		Object handle(Call call, SandboxStore.Tx tx);
	}

	/** The largest request body read (the API's requests are a few hundred bytes). */
	static final int MAX_BODY_BYTES = 256 * 1024;

	private final SandboxStore store;

	private final JsonMapper json;

	private final Endpoint authenticate;

	/** @param authenticate throws the 401 for a request without a valid token (it sees the request, not its body) */
	JsonEndpoints(SandboxStore store, JsonMapper json, Endpoint authenticate) {
		this.store = store;
		this.json = json;
		this.authenticate = authenticate;
	}

	/** An endpoint that only reads (a deferred transaction, not holding the write lock). */
	HandlerFunction<ServerResponse> read(Endpoint endpoint) {
		return handler(endpoint, false);
	}

	/** An endpoint that writes (an IMMEDIATE transaction: the write lock is taken before the first read). */
	HandlerFunction<ServerResponse> write(Endpoint endpoint) {
		return handler(endpoint, true);
	}

	/**
	 * Answers every request with an error, after reading its body: Reactor Netty may stop reading a keep-alive
	 * connection whose answer was sent before the request was fully received, so the next request on it would hang.
	 */
	HandlerFunction<ServerResponse> refuse(Function<ServerRequest, ApiError> error) {
		return request -> request.bodyToMono(String.class)
			.onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.empty())
			.then(Mono.defer(() -> error(error.apply(request))));
	}

	private Mono<ServerResponse> error(ApiError error) {
		return ServerResponse.status(error.status())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(error.body()));
	}

	private HandlerFunction<ServerResponse> handler(Endpoint endpoint, boolean writes) {
		return request -> request.bodyToMono(String.class)
			.defaultIfEmpty("")
			.onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.<String>fromCallable(() -> {
				store.read(tx -> authenticate.handle(new Call(request, "", json), tx));
				throw ApiError.tooLarge(MAX_BODY_BYTES);
			}).subscribeOn(Schedulers.boundedElastic()))
			.publishOn(Schedulers.boundedElastic())
			.map(body -> {
				Call call = new Call(request, body, json);
				return Optional.ofNullable(writes ? store.write(tx -> endpoint.handle(call, tx))
						: store.read(tx -> endpoint.handle(call, tx)));
			})
			.flatMap(result -> result.isEmpty() ? ServerResponse.noContent().build()
					: ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(json.writeValueAsString(result.get())))
			.onErrorResume(ApiError.class, this::error)
			.onErrorResume(ex -> {
				log.error("sandbox request {} {} failed", request.method(), request.path(), ex);
				return error(ApiError.internal());
			});
	}
}
