package dev.astroshell.sandbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One {@code /v1} request stopped on its way in, before the API sees it, until {@link #release()}: a write held
 * like this behind a slow proxy, with another client acting meanwhile, in an order a test sets by latches rather
 * than by time. Made by {@link SandboxServer#holdNext}.
 */
public final class HeldRequest {

	private final String method;

	private final String pathPart;

	private final CountDownLatch arrived = new CountDownLatch(1);

	private final CompletableFuture<Void> released = new CompletableFuture<>();

	HeldRequest(String method, String pathPart) {
		this.method = method;
		this.pathPart = pathPart;
	}

	boolean matches(String requestMethod, String path) {
		return method.equals(requestMethod) && path.contains(pathPart);
	}

	/** Completes once released; the request then goes on on a server thread, not on the releasing one. */
	Mono<Void> held() {
		arrived.countDown();
		return Mono.fromFuture(released).publishOn(Schedulers.parallel());
	}

	/**
	 * Waits until the request is held.
	 * @param patience how long a test waits before it fails (not a timing of the test: the request is on its way)
	 * @return false when no such request came
	 */
	public boolean awaitArrival(Duration patience) throws InterruptedException {
		return arrived.await(patience.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Lets the request go on to the API. */
	public void release() {
		released.complete(null);
	}
}
