package dev.astroshell.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A sandbox server on a fresh data dir for each test ({@code @RegisterExtension}), with a client and its owner. */
final class RunningSandbox implements BeforeEachCallback, AfterEachCallback {

	private final UnaryOperator<SandboxServer> configure;

	private Path dir;

	private SandboxServer server;

	private SandboxHttp http;

	RunningSandbox() {
		this(UnaryOperator.identity());
	}

	/** @param configure applied to the server before it starts */
	RunningSandbox(UnaryOperator<SandboxServer> configure) {
		this.configure = configure;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		dir = Files.createTempDirectory("sandbox-test");
		server = configure.apply(new SandboxServer(dir, 0, null)).start();
		http = SandboxHttp.of(server);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		server.close();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	SandboxServer server() {
		return server;
	}

	SandboxHttp http() {
		return http;
	}

	/** The development token: the organization's owner. */
	String owner() {
		return server.developmentToken();
	}
}
