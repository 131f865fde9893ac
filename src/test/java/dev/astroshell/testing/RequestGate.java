package dev.astroshell.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static org.awaitility.Awaitility.await;

/**
 * Holds the application's API requests before they are sent, until the test lets them go: a wait lasts exactly as
 * long as the test needs to see it, on any machine and under any load, instead of for an injected latency. Import
 * {@link Config}; a request abandoned while held (Ctrl-C) is never sent.
 */
public class RequestGate {

	/** Guards the fields below. */
	private final Object lock = new Object();

	private boolean holding;

	private List<String> methods = List.of();

	private final Deque<CompletableFuture<Void>> held = new ArrayDeque<>();

	/** From now on, requests of these HTTP methods (all when none are given) wait until they are let go. */
	public void hold(String... methods) {
		synchronized (lock) {
			this.methods = List.of(methods);
			holding = true;
		}
	}

	/** Waits (up to 10 s) for a request to be held, and lets the one held longest go; later ones are still held. */
	public void releaseNext() {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			synchronized (lock) {
				return !held.isEmpty();
			}
		});
		synchronized (lock) {
			held.removeFirst().complete(null);
		}
	}

	/** How many requests are held now. */
	public int held() {
		synchronized (lock) {
			return held.size();
		}
	}

	/** Lets the requests held now go; later ones are still held. */
	public void releaseHeld() {
		synchronized (lock) {
			held.forEach(request -> request.complete(null));
			held.clear();
		}
	}

	/** Lets every held request go, and holds no more. */
	public void release() {
		synchronized (lock) {
			holding = false;
			held.forEach(request -> request.complete(null));
			held.clear();
		}
	}

	private ExchangeFilterFunction filter() {
		return (request, next) -> {
			CompletableFuture<Void> turn = new CompletableFuture<>();
			synchronized (lock) {
				if (!holding || !methods.isEmpty() && !methods.contains(request.method().name())) {
					return next.exchange(request);
				}
				held.addLast(turn);
			}
			return Mono.fromFuture(turn, true).then(Mono.defer(() -> next.exchange(request)));
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		RequestGate requestGate() {
			return new RequestGate();
		}

		@Bean
		WebClientCustomizer requestGateFilter(RequestGate gate) {
			return builder -> builder.filter(gate.filter());
		}

	}

}
