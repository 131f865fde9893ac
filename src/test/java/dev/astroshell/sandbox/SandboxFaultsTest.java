package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroProperties.Faults;
import dev.astroshell.sandbox.SandboxHttp.Response;

class SandboxFaultsTest {

	private static final String ORG = "/v1/organizations/" + ORGANIZATION_ID;

	@TempDir
	Path dir;

	private SandboxServer server;

	private SandboxHttp http;

	private String dev;

	@BeforeEach
	void start() {
		server = new SandboxServer(dir, 0, null).start();
		http = SandboxHttp.of(server);
		dev = server.developmentToken();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void aHeldRequestWaitsUntilReleasedWhileOthersAreServedAndClearingReleasesIt() throws Exception {
		HeldRequest held = server.holdNext("GET", ORG);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> http.get(ORG, dev).status());
		assertThat(held.awaitArrival(Duration.ofSeconds(20))).isTrue();

		assertThat(http.get(ORG, dev).status()).as("only the next one is held").isEqualTo(200);
		assertThat(first).as("still held").isNotDone();
		server.holdNext("GET", ORG); // never used: clearing forgets it
		server.clearPlannedFaults();

		assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(200);
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);
	}

	@Test
	void addsLatency() {
		server.setFaults(new Faults(Duration.ofMillis(300), 0, new int[] { 500 }, 0, 1, "", ""));
		long start = System.nanoTime();
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void answers429WithRetryAfterAnd5xxWithAnErrorBody() {
		server.setFaults(new Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 7, "", ""));
		server.failNext(1, 429);
		server.failNext(1, 503);
		Response limited = http.get(ORG, dev);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(limited.json().get("statusCode").asInt()).isEqualTo(429);
		Response unavailable = http.get(ORG, dev);
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.json().get("requestId").asString()).isNotBlank();
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);
	}

	@Test
	void errorRateAndFiltersByPathAndMethod() {
		server.setFaults(new Faults(Duration.ZERO, 1, new int[] { 502 }, 0, 1, "/tokens", "POST"));
		assertThat(http.get(ORG + "/tokens", dev).status()).as("GET not matched").isEqualTo(200);
		assertThat(http.post(ORG + "/tokens", dev, Map.of()).status()).isEqualTo(502);
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);
		server.setFaults(null);
		assertThat(http.post(ORG + "/tokens", dev, Map.of()).status()).as("off again: validation").isEqualTo(400);
	}

	@Test
	void dropsConnectionsWithoutAnAnswer() throws Exception {
		String rotate = ORG + "/tokens/" + SandboxSeed.TOKEN_CI_DEPLOY_ID + "/rotate";
		server.dropNext(1);
		assertThatThrownBy(() -> http.rawPost(rotate, dev)).isInstanceOf(IOException.class);
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);

		server.setFaults(new Faults(Duration.ZERO, 0, new int[] { 500 }, 1, 1, "", "GET"));
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("GET " + ORG + " HTTP/1.1\r\nHost: sandbox\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			int read;
			try {
				read = socket.getInputStream().read();
			}
			catch (SocketException reset) {
				read = -1;
			}
			assertThat(read).as("no byte of an answer, only a reset or end of stream").isEqualTo(-1);
		}
	}

	@Test
	void loseAnswerRateCarriesTheRequestOutAndLosesItsAnswer() {
		String token = ORG + "/tokens/" + SandboxSeed.TOKEN_CI_DEPLOY_ID;
		String before = http.get(token, dev).json().get("shortToken").asString();
		Response set = http.put("/sandbox/faults", dev,
				Map.of("loseAnswerRate", 1, "paths", "/rotate", "methods", "POST"));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("loseAnswerRate").asDouble()).isEqualTo(1.0);

		assertThatThrownBy(() -> http.rawPost(token + "/rotate", dev)).isInstanceOf(IOException.class);

		assertThat(http.get(token, dev).json().get("shortToken").asString()).as("the rotation was carried out")
			.isNotEqualTo(before);
		assertThat(http.put("/sandbox/faults", dev, Map.of("loseAnswerRate", -0.1)).status()).isEqualTo(400);
	}

	@Test
	void managementEndpointsNeedTheDevelopmentTokenAndAreNeverFaulted() {
		Response set = http.put("/sandbox/faults", dev, Map.of("errorRate", 1, "errorStatuses", new int[] { 500 }));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("errorRate").asDouble()).isEqualTo(1.0);
		assertThat(server.faults().errorRate()).isEqualTo(1.0);
		assertThat(http.get(ORG, dev).status()).isEqualTo(500);
		assertThat(http.get("/sandbox/faults", dev).status()).isEqualTo(200);
		assertThat(http.put("/sandbox/faults", dev, Map.of("dropRate", 2)).status()).isEqualTo(400);
		for (String pastLong : new String[] { "{\"latencyMs\":99999999999999999999}",
				"{\"retryAfter\":99999999999999999999}", "{\"errorStatuses\":[99999999999999999999]}",
				"{\"latencyMs\":-1}", "{\"retryAfter\":\"soon\"}", "{\"errorStatuses\":500}" }) {
			Response refused = http.put("/sandbox/faults", dev, pastLong);
			assertThat(refused.status()).as(pastLong).isEqualTo(400);
			assertThat(refused.json().get("fieldErrors")).as(pastLong).hasSize(1);
		}
		assertThat(server.faults().errorRate()).as("left as it was").isEqualTo(1.0);
		assertThat(http.put("/sandbox/faults", dev, Map.of()).status()).isEqualTo(200);
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);

		String other = http.post("/sandbox/organizations", dev, Map.of("name", "Other")).json().get("token")
			.asString();
		assertThat(http.get("/sandbox/faults", other).status()).isEqualTo(403);
		assertThat(http.post("/sandbox/reset", null, null).status()).isEqualTo(401);
	}

	@Test
	void reportsAPortInUse() {
		try (SandboxServer second = new SandboxServer(dir, server.port(), null)) {
			assertThatThrownBy(second::start).isInstanceOf(SandboxServer.PortInUseException.class)
				.hasMessage("port " + server.port() + " is already in use");
		}
	}

	@Test
	void logsV1Requests() {
		server.clearRequests();
		http.get(ORG + "/tokens?limit=5&sorts=name:asc", dev);
		http.post(ORG + "/tokens/x/rotate", dev, null);
		http.get("/sandbox/faults", dev);
		assertThat(server.requests()).containsExactly(
				new SandboxServer.LoggedRequest("GET", ORG + "/tokens", "limit=5&sorts=name:asc"),
				new SandboxServer.LoggedRequest("POST", ORG + "/tokens/x/rotate", null));
		server.clearRequests();
		assertThat(server.requests()).isEmpty();
	}
}
