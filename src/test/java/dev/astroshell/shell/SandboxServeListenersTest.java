package dev.astroshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroShellApplication;

/** {@code sandbox serve} in its own process listens on the port it announces and on no other. */
class SandboxServeListenersTest {

	private static final String ANNOUNCEMENT = "Sandbox API: ";

	@TempDir
	Path home;

	@Test
	void listensOnlyOnTheAnnouncedPort() throws Exception {
		assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc to see a process's sockets");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-cp", OneShotProcessTest.mainClasspath(),
				AstroShellApplication.class.getName(), "sandbox", "serve", "--port", "0")
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		// a fresh home: the current context is the sandbox, which the shell would otherwise start too
		builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
		builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
		builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
		builder.environment().remove("ASTRO_API_TOKEN");
		Process process = builder.start();
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
					StandardCharsets.UTF_8));
			String announced = CompletableFuture.supplyAsync(() -> firstLineStartingWith(out, ANNOUNCEMENT))
				.get(90, TimeUnit.SECONDS);
			int port = URI.create(announced.substring(ANNOUNCEMENT.length())).getPort();
			Thread.sleep(2000); // time for a background start to bind, if there were one
			assertThat(listeningPorts(process.pid())).containsExactly(port);
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static String firstLineStartingWith(BufferedReader reader, String prefix) {
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith(prefix)) {
					return line;
				}
			}
			throw new AssertionError("the process ended without announcing its URL");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The TCP ports a process listens on: its socket inodes, looked up in the kernel's socket tables. */
	private static Set<Integer> listeningPorts(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
			for (Path fd : fds) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring("socket:[".length(), target.length() - 1));
					}
				}
				catch (IOException closedMeanwhile) {
					// a descriptor closed while listing
				}
			}
		}
		Set<Integer> ports = new TreeSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path file = Path.of(table);
			if (!Files.exists(file)) {
				continue;
			}
			List<String> rows = Files.readAllLines(file);
			for (String line : rows.subList(1, rows.size())) {
				String[] fields = line.trim().split("\\s+");
				boolean listening = fields[3].equals("0A");
				if (listening && inodes.contains(fields[9])) {
					String local = fields[1];
					ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}
}
