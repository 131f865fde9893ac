package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.sandbox.SandboxHttp.Response;

/** Two servers (as two processes would) on one data dir: concurrent writes all succeed and none is lost. */
class SandboxConcurrencyTest {

	private static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	/** Rounds of four writes, two a server, on eight threads: enough that both servers write the file at once. */
	private static final int ROUNDS = 15;

	@TempDir
	Path dir;

	@Test
	void twoServersOnOneFileLoseNoWrite() throws Exception {
		try (SandboxServer first = new SandboxServer(dir, 0, null).start();
				SandboxServer second = new SandboxServer(dir, 0, null).start()) {
			String dev = first.developmentToken();
			assertThat(second.developmentToken()).isEqualTo(dev);
			List<SandboxHttp> clients = List.of(SandboxHttp.of(first), SandboxHttp.of(second));
			int before = clients.get(0).get(TOKENS, dev).json().get("totalCount").asInt();

			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Future<Response>> writes = new ArrayList<>();
			for (int i = 0; i < ROUNDS; i++) {
				for (int s = 0; s < 2; s++) {
					SandboxHttp client = clients.get(s);
					String name = "server" + s + "-token" + i;
					writes.add(pool.submit(() -> client.post(TOKENS, dev,
							Map.of("name", name, "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER"))));
					// read-modify-write of one row from both servers at once
					writes.add(pool.submit(() -> client.post(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, dev,
							Map.of("name", name))));
				}
			}
			for (Future<Response> write : writes) {
				Response response = write.get();
				// the error message only: a create's answer holds a secret
				assertThat(response.status()).as(String.valueOf(response.json().path("message"))).isEqualTo(200);
			}
			pool.shutdown();

			Response after = clients.get(1).get(TOKENS + "?limit=1000", dev);
			assertThat(after.json().get("totalCount").asInt()).isEqualTo(before + 2 * ROUNDS);
			List<String> names = SandboxApiTest.values(after, "tokens", "name");
			for (int i = 0; i < ROUNDS; i++) {
				assertThat(names).contains("server0-token" + i, "server1-token" + i);
			}
		}
	}
}
