package dev.astroshell.gateway;

import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnore;

import reactor.core.publisher.Mono;

/**
 * One write to the API as it would go out: method, path (under the API's base URL) and JSON body, for a preview to
 * show; {@link ApiGateway#send} or {@link ApiGateway#settle} carry it out. A write's body never holds a secret.
 * @param doing what the wait for its answer is labelled
 */
public record Request<T>(String method, String path, Object body, @JsonIgnore String doing,
		@JsonIgnore Supplier<Mono<T>> call) {
}
