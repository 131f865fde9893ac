package dev.astroshell.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/astro-shell on the packaged jar (an integration test: it needs target/astro-shell.jar). A copy of the launcher
 * and the jar in a temporary tree, with its own XDG dirs: the first start is plain and trains the cache in the
 * background without touching the user's data; the next start uses the cache (which the JVM is made to prove); a
 * corrupt archive or a rebuilt jar falls back to a plain start that still works and prints nothing extra.
 */
class LauncherIT {

	@TempDir
	Path dir;

	Path launcher;

	Path jar;

	Path cacheRoot;

	Map<String, String> env = new HashMap<>();

	record Run(int exit, String out, String err) {
	}

	@BeforeEach
	void copyLauncherAndJar() throws IOException {
		launcher = dir.resolve("bin/astro-shell");
		jar = dir.resolve("target/astro-shell.jar");
		Files.createDirectories(launcher.getParent());
		Files.createDirectories(jar.getParent());
		Files.copy(Path.of("bin/astro-shell"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(Path.of("target/astro-shell.jar"), jar);
		cacheRoot = dir.resolve("cache/astro-shell");
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
		env.put("XDG_CONFIG_HOME", dir.resolve("home/config").toString());
		env.put("XDG_DATA_HOME", dir.resolve("home/data").toString());
		env.put("XDG_STATE_HOME", dir.resolve("home/state").toString());
		env.put("ASTRO_SHELL_LAUNCHER_VERBOSE", "1");
	}

	@Test
	void trainsOnceReusesTheCacheAndFallsBackWhenItIsCorruptOrStale() throws Exception {
		Run first = run("help");
		assertThat(first.exit()).isZero();
		assertThat(first.out()).contains("AVAILABLE COMMANDS");
		assertThat(first.err()).contains("no cache yet: plain start");
		Path cache = awaitReadyCache();
		assertThat(dir.resolve("home/data/astro-shell/sandbox.db"))
			.as("neither a one-shot help nor the training opens the user's sandbox")
			.doesNotExist();

		// the JVM refuses to start if the archive cannot be used, instead of silently ignoring it
		env.put("ASTRO_SHELL_JAVA_OPTS", Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
		Run cached = run("help");
		assertThat(cached.exit()).isZero();
		assertThat(cached.err()).contains("cached start from " + cache);
		assertThat(cached.out()).isEqualTo(first.out());
		env.remove("ASTRO_SHELL_JAVA_OPTS");

		Path archive = archiveIn(cache);
		Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.UTF_8));
		Run corrupt = run("help");
		assertThat(corrupt.exit()).isZero();
		assertThat(corrupt.out()).as("the JVM's complaint stays off the output").isEqualTo(first.out());
		assertThat(corrupt.err()).contains("cached start");

		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
		// the retraining would be the first start's training again: a training under way (its lock) keeps it from
		// starting, so that none is waited for twice or outlives the test
		Files.createDirectory(cache.resolveSibling(cache.getFileName() + ".lock"));
		Run stale = run("help");
		assertThat(stale.exit()).isZero();
		assertThat(stale.out()).isEqualTo(first.out());
		assertThat(stale.err()).contains("stale or incomplete cache");
		assertThat(cache.resolve("ready")).as("kept while another training runs").exists();
	}

	@Test
	void aMissingJarIsOneClearLine() throws Exception {
		Files.delete(jar);
		Run run = run("help");
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err().strip()).startsWith("Error: ").contains("astro-shell.jar not found").doesNotContain("\n");
	}

	private Path awaitReadyCache() throws IOException {
		Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Path ready = readyCache();
			return ready != null && lockless();
		});
		return readyCache();
	}

	private Path readyCache() throws IOException {
		if (!Files.isDirectory(cacheRoot)) {
			return null;
		}
		try (Stream<Path> dirs = Files.list(cacheRoot)) {
			return dirs.filter(d -> Files.exists(d.resolve("ready"))).findFirst().orElse(null);
		}
	}

	private boolean lockless() throws IOException {
		try (Stream<Path> dirs = Files.list(cacheRoot)) {
			return dirs.noneMatch(d -> d.getFileName().toString().endsWith(".lock"));
		}
	}

	private static Path archiveIn(Path cache) throws IOException {
		try (Stream<Path> files = Files.list(cache)) {
			return files.filter(f -> f.getFileName().toString().matches("app\\.(jsa|aot)")).findFirst().orElseThrow();
		}
	}

	private Run run(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(dir.resolve("out.txt").toFile())
			.redirectError(dir.resolve("err.txt").toFile());
		builder.environment().remove("ASTRO_API_TOKEN");
		builder.environment().remove("ASTRO_SHELL_JAVA_OPTS");
		builder.environment().putAll(env);
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher finishes").isTrue();
		return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")),
				Files.readString(dir.resolve("err.txt")));
	}
}
