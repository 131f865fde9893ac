package dev.astroshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.management.HotSpotDiagnosticMXBean;

import dev.astroshell.sandbox.InProcessSandbox;

/**
 * {@code sandbox serve} on a new user's home, whose current context is the sandbox: it listens on the port it
 * announces, and the shell's own sandbox (which the REPL would start in the background), given a port of its own
 * here to tell it apart, stays closed.
 */
class SandboxServeListenersTest {

	private static final String ANNOUNCEMENT = "Sandbox API: ";

	/** The JVM flags serve tunes for a long-running server; put back for the tests that run after this one. */
	private static final List<String> SERVE_FLAGS = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio",
			"G1PeriodicGCInterval");

	@TempDir
	Path home;

	@Test
	void listensOnTheAnnouncedPortWhileTheShellsOwnSandboxStaysClosed() throws Exception {
		assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc to see a process's sockets");
		Map<String, String> flags = vmFlags();
		int ownPort = freePort();
		StringBuffer out = new StringBuffer();
		try (InProcessApplication app = InProcessApplication.start(home, Map.of("astro.sandbox.port", "" + ownPort),
				"sandbox", "serve", "--port", "0")) {
			Thread serve = new Thread(() -> app.bean(ShellRunner.class)
				.run(List.of("sandbox", "serve", "--port", "0"), ShellExecutor.Streams
					.of(new PrintWriter(new BufferWriter(out), true), new PrintWriter(new StringWriter()))));
			serve.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("Development token"));
				int port = URI.create(out.toString()
					.lines()
					.filter(line -> line.startsWith(ANNOUNCEMENT))
					.findFirst()
					.orElseThrow()
					.substring(ANNOUNCEMENT.length())).getPort();
				InProcessSandbox own = app.bean(InProcessSandbox.class);
				// waits for a start under way, if any, and starts none: had one begun, it listens by now
				own.setFaults(own.faults());
				assertThat(listeningPorts()).contains(port).doesNotContain(ownPort);
			}
			finally {
				serve.interrupt(); // as Ctrl-C in the REPL
				serve.join(TimeUnit.SECONDS.toMillis(30));
			}
		}
		finally {
			restore(flags);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A Writer onto a StringBuffer, which the test reads while the command still writes. */
	private static final class BufferWriter extends java.io.Writer {

		private final StringBuffer buffer;

		BufferWriter(StringBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			buffer.append(chars, offset, length);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}

	private static Map<String, String> vmFlags() {
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		Map<String, String> flags = new LinkedHashMap<>();
		for (String flag : SERVE_FLAGS) {
			try {
				flags.put(flag, vm.getVMOption(flag).getValue());
			}
			catch (IllegalArgumentException absent) {
				// a flag this JVM lacks (another GC): serve cannot set it either
			}
		}
		return flags;
	}

	private static void restore(Map<String, String> flags) {
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		flags.forEach((flag, value) -> {
			try {
				vm.setVMOption(flag, value);
			}
			catch (IllegalArgumentException refused) {
				// not manageable on this JVM, so serve did not change it
			}
		});
	}

	/** The TCP ports this JVM listens on: its socket inodes, looked up in the kernel's socket tables. */
	private static Set<Integer> listeningPorts() throws IOException {
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
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
