package dev.astroshell.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.astroshell.AstroProperties;
import dev.astroshell.AstroProperties.Faults;
import dev.astroshell.session.AppDirs;
import dev.astroshell.session.BuiltInSandbox;

/**
 * The sandbox inside the shell process, on {@code $XDG_DATA_HOME/astro-shell}. Nothing is opened until someone asks
 * for it, so that a command against a real Astro never touches the sandbox's database.
 */
@Component
public class InProcessSandbox implements BuiltInSandbox, DisposableBean {

	private final AstroProperties.Sandbox settings;

	private final Path dataDir;

	private volatile Faults faults;

	private CompletableFuture<SandboxServer> server;

	@Autowired
	public InProcessSandbox(AstroProperties properties, AppDirs dirs) {
		this(properties.sandbox(), dirs.data());
	}

	InProcessSandbox(AstroProperties.Sandbox settings, Path dataDir) {
		this.settings = settings;
		this.dataDir = dataDir;
		this.faults = settings.faults();
	}

	public Path dataDir() {
		return dataDir;
	}

	@Override
	public synchronized void warmUp() {
		if (server == null) {
			server = CompletableFuture.supplyAsync(
					() -> new SandboxServer(dataDir, settings.port(), faults).start());
		}
	}

	@Override
	public URI baseUrl() {
		return running().baseUrl();
	}

	@Override
	public String developmentToken() {
		return running().developmentToken();
	}

	/** The running server, started if needed; waits for it. */
	public SandboxServer running() {
		warmUp();
		return server.join();
	}

	/** Restores the seed, through the server when it runs, else directly in the data dir. */
	public void reset() {
		SandboxServer started = startedOrNull();
		if (started != null) {
			started.reset();
		}
		else {
			try (SandboxData data = new SandboxData(dataDir, Clock.systemUTC())) {
				data.reset();
			}
		}
	}

	public Faults faults() {
		return faults;
	}

	/** Applies now if the server runs, else when it starts. */
	public void setFaults(Faults newFaults) {
		this.faults = newFaults;
		SandboxServer started = startedOrNull();
		if (started != null) {
			started.setFaults(newFaults);
		}
	}

	@Override
	public void destroy() {
		CompletableFuture<SandboxServer> current;
		synchronized (this) {
			current = server;
		}
		if (current != null) {
			current.thenAccept(SandboxServer::close);
		}
	}

	/** The server if it was asked for (waiting for a start under way), else null. */
	private SandboxServer startedOrNull() {
		CompletableFuture<SandboxServer> current;
		synchronized (this) {
			current = server;
		}
		return current == null ? null : current.join();
	}
}
