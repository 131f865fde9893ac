package dev.astroshell.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the sandbox in tests: the JDK client and a Jackson mapper, not the project's API client. */
final class SandboxHttp {

	record Response(int status, HttpHeaders headers, String text, JsonNode json) {
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String root;

	/** @param root e.g. {@code http://127.0.0.1:1234} */
	SandboxHttp(String root) {
		this.root = root;
	}

	static SandboxHttp of(SandboxServer server) {
		return new SandboxHttp("http://127.0.0.1:" + server.port());
	}

	Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	Response post(String path, String token, Object body) {
		return send(request(path, token).POST(bodyOf(body)).header("Content-Type", "application/json"));
	}

	Response put(String path, String token, Object body) {
		return send(request(path, token).PUT(bodyOf(body)).header("Content-Type", "application/json"));
	}

	Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	/**
	 * A POST that reports I/O failures as they are, for tests of dropped connections (the JDK client silently
	 * retries a GET whose connection closed before an answer, but never a POST).
	 */
	HttpResponse<String> rawPost(String path, String token) throws IOException, InterruptedException {
		return client.send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher bodyOf(Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Response(response.statusCode(), response.headers(), text,
					text == null || text.isEmpty() ? null : JSON.readTree(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A clock tests can move forward. */
	static final class MovableClock extends Clock {

		private final Instant start = Instant.now();

		private volatile Instant now = start;

		void advance(Duration by) {
			now = now.plus(by);
		}

		/** Back to the instant it was made at. */
		void rewind() {
			now = start;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
