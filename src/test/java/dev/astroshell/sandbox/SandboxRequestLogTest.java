package dev.astroshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.sandbox.SandboxServer.LoggedRequest;

/** A long-running sandbox keeps only the latest requests in its log, so that it does not grow with every request. */
class SandboxRequestLogTest {

	@TempDir
	Path dir;

	@Test
	void keepsTheLatestRequestsOnly() {
		try (SandboxServer server = new SandboxServer(dir, 0, null)) {
			for (int i = 0; i < SandboxServer.LOGGED_REQUESTS + 5; i++) {
				server.log(new LoggedRequest("GET", "/v1/organizations", "offset=" + i));
			}
			assertThat(server.requests()).hasSize(SandboxServer.LOGGED_REQUESTS);
			assertThat(server.requests().get(0).query()).isEqualTo("offset=5");
			assertThat(server.requests().get(SandboxServer.LOGGED_REQUESTS - 1).query())
				.isEqualTo("offset=" + (SandboxServer.LOGGED_REQUESTS + 4));
			server.clearRequests();
			assertThat(server.requests()).isEmpty();
		}
	}
}
