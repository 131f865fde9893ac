package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.astroshell.sandbox.SandboxHttp.Response;

/** What the server does with clients that send too much or too slowly. */
class SandboxServerLimitsTest {

	private static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	private static final String OVERSIZED = "{\"name\":\"" + "x".repeat(JsonEndpoints.MAX_BODY_BYTES) + "\"}";

	@RegisterExtension
	final RunningSandbox sandbox = new RunningSandbox(server -> server.headerTimeout(Duration.ofMillis(500)));

	private SandboxServer server;

	private SandboxHttp http;

	@BeforeEach
	void clients() {
		server = sandbox.server();
		http = sandbox.http();
	}

	@Test
	void anOversizedBodyIs413WithTheErrorBodyAfterAuthentication() {
		Response tooLarge = http.post(TOKENS, server.developmentToken(), OVERSIZED);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("statusCode").asInt()).isEqualTo(413);
		assertThat(tooLarge.json().get("message").asString()).isEqualTo("the request body is larger than 256 KiB");
		assertThat(tooLarge.json().get("requestId").asString()).isNotBlank();

		Response anonymous = http.post(TOKENS, null, OVERSIZED);
		assertThat(anonymous.status()).as("authentication comes first").isEqualTo(401);
		assertThat(anonymous.json().get("statusCode").asInt()).isEqualTo(401);
		assertThat(http.post("/v1/nosuchpath", null, OVERSIZED).status()).isEqualTo(404);

		Response normal = http.post(TOKENS, server.developmentToken(),
				Map.of("name", "after", "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER"));
		assertThat(normal.status()).as("the server still serves").isEqualTo(200);
	}

	@Test
	void closesAConnectionWhoseHeadersTrickleInPastTheDeadline() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write("GET /v1/organizations HTTP/1.1\r\nHost: sandbox\r\n".getBytes(StandardCharsets.US_ASCII));
			long start = System.nanoTime();
			boolean closed = false;
			// one header byte every 100 ms: never idle, never done
			for (int i = 0; i < 40 && !closed; i++) {
				try {
					out.write('X');
					out.flush();
				}
				catch (java.io.IOException reset) {
					closed = true;
					break;
				}
				socket.setSoTimeout(100);
				try {
					closed = in.read() == -1;
				}
				catch (SocketTimeoutException stillOpen) {
					// the server is still waiting
				}
				catch (java.io.IOException reset) {
					closed = true;
				}
			}
			assertThat(closed).as("closed by the server").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void aSlowAnswerIsNotCutByTheDeadlines() throws Exception {
		HeldRequest held = server.holdNext("POST", "/tokens");
		CompletableFuture<Response> created = CompletableFuture.supplyAsync(() -> http.post(TOKENS,
				server.developmentToken(), Map.of("name", "slow", "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER")));
		assertThat(held.awaitArrival(Duration.ofSeconds(10))).isTrue();
		awaitHeaderDeadline();
		held.release();
		Response answer = created.get(10, TimeUnit.SECONDS);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
	}

	@Test
	void keepsAnIdleKeptAliveConnectionOpenPastTheHeaderDeadline() throws Exception {
		byte[] request = "GET /v1/organizations HTTP/1.1\r\nHost: sandbox\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5000);
			for (int i = 0; i < 2; i++) {
				if (i > 0) {
					awaitHeaderDeadline(); // idle for longer than the deadline: only a request's headers are timed
				}
				socket.getOutputStream().write(request);
				byte[] answer = new byte[12];
				assertThat(socket.getInputStream().readNBytes(answer, 0, 12)).isEqualTo(12);
				assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 401");
				socket.getInputStream().skip(socket.getInputStream().available());
			}
		}
	}

	/**
	 * Returns once a header deadline has run out since the call: a connection opened now that sends part of its
	 * headers is closed by the server. A clock the server keeps, so the wait holds under any load.
	 */
	private void awaitHeaderDeadline() throws Exception {
		try (Socket clock = new Socket("127.0.0.1", server.port())) {
			clock.setSoTimeout(10_000);
			clock.getOutputStream().write("GET /v1/organizations HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
			try {
				assertThat(clock.getInputStream().read()).as("closed by the server").isEqualTo(-1);
			}
			catch (java.net.SocketException reset) {
				// closed by the server
			}
		}
	}
}
