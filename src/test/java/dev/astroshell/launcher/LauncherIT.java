package dev.astroshell.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/astro-shell on the packaged jar (an integration test: it needs target/astro-shell.jar), copied with the jar into
 * a temporary tree with its own XDG dirs. Every start must succeed: a damaged, stale or unwritable cache means a plain
 * start. Building a cache takes seconds, so the tests share one tree: each makes sure of the cache it needs, and their
 * order only saves builds (two in all). A test that waits for a build has it start at once and at normal priority
 * ({@link #BUILD_NOW}); the builds other starts set off are stopped after the test, and what they left half-made
 * removed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

	private static final Duration BUILD_TIME = Duration.ofMinutes(3);

	/** The launcher's setting for its tests: no polite delay and no lowest priority for the background build. */
	private static final String BUILD_NOW = "ASTRO_SHELL_LAUNCHER_BUILD_NOW";

	/**
	 * The launcher's setting for its tests of the cache's handling: builds train on {@code --version} alone. The first
	 * test's build trains on the whole session, as a user's does.
	 */
	private static final String QUICK_TRAINING = "ASTRO_SHELL_LAUNCHER_QUICK_TRAINING";

	@TempDir
	static Path dir;

	static Path launcher;

	static Path jar;

	static Path cacheRoot;

	/** The launcher's environment; a null value unsets the variable. */
	final Map<String, String> env = new HashMap<>();

	record Run(int exit, String out, String err) {
	}

	@BeforeAll
	static void copyLauncherAndJar() throws IOException {
		launcher = dir.resolve("bin/astro-shell");
		jar = dir.resolve("target/astro-shell.jar");
		Files.createDirectories(launcher.getParent());
		Files.createDirectories(jar.getParent());
		Files.copy(Path.of("bin/astro-shell"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(Path.of("target/astro-shell.jar"), jar);
		cacheRoot = dir.resolve("cache/astro-shell");
	}

	@BeforeEach
	void environment() {
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
		env.put("XDG_CONFIG_HOME", dir.resolve("home/config").toString());
		env.put("XDG_DATA_HOME", dir.resolve("home/data").toString());
		env.put("XDG_STATE_HOME", dir.resolve("home/state").toString());
		env.put("ASTRO_SHELL_LAUNCHER_VERBOSE", "1");
		env.put("ASTRO_API_TOKEN", null);
		env.put("ASTRO_SHELL_JAVA_OPTS", null);
		env.put("SHELL", "/bin/sh");
		env.put(BUILD_NOW, null);
		env.put(QUICK_TRAINING, "1");
	}

	@AfterEach
	void stopJobsAndDropHalfMadeBuilds() throws IOException {
		stopProcessesInTheTree();
		if (Files.isDirectory(slot())) {
			String ready = readyName();
			try (Stream<Path> builds = Files.list(slot())) {
				for (Path build : builds.filter(b -> b.getFileName().toString().startsWith("b-")
						&& !b.getFileName().toString().equals(ready)).toList()) {
					deleteTree(build);
				}
			}
		}
	}

	@AfterAll
	static void stopJobs() {
		stopProcessesInTheTree();
	}

	@Test
	@Order(1)
	void buildsTheCacheInTheBackgroundThenStartsFromIt() throws Exception {
		// caches of an earlier launcher: a directory and a lock directory for all Javas
		Path weekOld = Files.createDirectories(cacheRoot.resolve("123-456/app"));
		Path weekOldLock = Files.createDirectories(cacheRoot.resolve("123-456.lock"));
		Path recent = Files.createDirectories(cacheRoot.resolve("789-123"));
		for (Path old : List.of(weekOld, weekOld.getParent(), weekOldLock)) {
			Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
		}

		env.put(BUILD_NOW, "1");
		env.put(QUICK_TRAINING, null);
		Run first = run("--version");
		assertThat(first.exit()).isZero();
		assertThat(first.out()).startsWith("astro-shell ");
		assertThat(first.err()).contains("no cache yet: plain start");
		Path build = awaitNewBuild(null);
		assertThat(dir.resolve("home/data/astro-shell/sandbox.db"))
			.as("the build's training never opens the user's sandbox")
			.doesNotExist();
		assertThat(weekOld.getParent()).doesNotExist();
		assertThat(weekOldLock).doesNotExist();
		assertThat(recent).as("it may still be in use").isDirectory();

		// the JVM refuses to start if the archive cannot be used, instead of silently ignoring it
		env.put("ASTRO_SHELL_JAVA_OPTS", Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
		Run cached = run("--version");
		assertThat(cached.exit()).isZero();
		assertThat(cached.err()).contains("cached start from " + build);
		assertThat(cached.out()).isEqualTo(first.out());
	}

	/** A truncated archive, a truncated jar and a missing library in the cache: each a plain start, never a crash. */
	@Test
	@Order(2)
	void aDamagedCacheMeansAPlainStartNotACrashAndOnceRepairedIsUsedAgain() throws Exception {
		Path build = validBuild();
		Path library;
		try (Stream<Path> libs = Files.list(build.resolve("app/lib"))) {
			library = libs.filter(l -> l.getFileName().toString().startsWith("spring-core-")).findFirst().orElseThrow();
		}
		for (Path file : List.of(archiveIn(build), build.resolve("app/astro-shell.jar"), library)) {
			Path backup = dir.resolve("damaged.bak");
			Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			if (file.equals(library)) {
				Files.delete(file);
			}
			else {
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
					channel.truncate(channel.size() / 2);
				}
			}
			Run run;
			try {
				run = run("--version");
			}
			finally {
				stopProcessesInTheTree();
				Files.move(backup, file, StandardCopyOption.REPLACE_EXISTING);
			}
			assertThat(run.exit()).as(file.toString()).isZero();
			assertThat(run.out()).as(file.toString()).startsWith("astro-shell ");
			assertThat(run.err()).as(file.toString())
				.contains("stale or damaged cache")
				.contains("plain start")
				.doesNotContain("Error");
			try (Stream<Path> files = Files.list(dir)) {
				assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("hs_err"));
			}
		}

		assertThat(run("--version").err()).as("the repaired cache is used again").contains("cached start");
	}

	/**
	 * The jar is replaced by another build with an older mtime (as cp -p, tar x and rsync -t do) under a running REPL:
	 * the next start does not take it for the cached one, and builds a new cache; that start leads its own session on
	 * a terminal that goes away with it, and the build outlives it. The REPL keeps its cache and works; the old cache
	 * goes once the REPL has ended.
	 */
	@Test
	@Order(3)
	void aJarReplacedUnderARunningReplEvenWithAnOlderMtimeGetsANewCacheAndTheReplKeepsItsOwn() throws Exception {
		Path old = validBuild();
		Repl repl = startRepl();
		try {
			repl.awaitErr("cached start from " + old);
			rebuildJar(Files.getLastModifiedTime(jar).toInstant().minus(Duration.ofDays(1)));

			env.put(BUILD_NOW, "1");
			Run sessionLeader = runOnATerminal("--version");
			assertThat(sessionLeader.exit()).isZero();
			assertThat(sessionLeader.out()).contains("astro-shell ").contains("stale or damaged cache");
			Path build = awaitNewBuild(old.getFileName().toString());
			assertThat(old).as("the running REPL's cache is kept").isDirectory();

			repl.send("deployment list");
			repl.awaitOut("etl-prod");
			repl.send("exit");
			assertThat(repl.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(repl.process().exitValue()).isZero();
			assertThat(repl.err()).doesNotContain("Error").doesNotContain("Exception");

			assertThat(run("--version").err()).contains("cached start from " + build);
			Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !Files.exists(old));
		}
		finally {
			repl.process().destroyForcibly();
		}
	}

	@Test
	@Order(4)
	void startedThroughSymlinksItFindsItsJar() throws Exception {
		Path link = dir.resolve("links/deep/astro");
		Files.createDirectories(link.getParent());
		Files.createSymbolicLink(link, Path.of("../../bin/astro-shell"));
		Path linkToLink = dir.resolve("elsewhere/astro-shell");
		Files.createDirectories(linkToLink.getParent());
		Files.createSymbolicLink(linkToLink, link);
		Run run = run(linkToLink, "--version");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).startsWith("astro-shell ");
	}

	@Test
	@Order(5)
	void withNeitherHomeNorXdgCacheHomeItStartsPlain() throws Exception {
		env.put("HOME", null);
		env.put("XDG_CACHE_HOME", null);
		Run run = run("--version");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).startsWith("astro-shell ");
		assertThat(run.err()).contains("no cache directory").contains("plain start");
	}

	/** A plain start that starts the background job: the job is not the JVM's child, so never a zombie under it. */
	@Test
	@Order(6)
	void aStaleCacheThatCannotBeRemovedIsAQuietPlainStartAndLeavesNoChildUnderTheJvm() throws Exception {
		validBuild();
		rebuildJar(null);
		List<Path> caches;
		try (Stream<Path> dirs = Files.list(cacheRoot)) {
			caches = dirs.filter(Files::isDirectory).toList();
		}
		assertThat(caches).isNotEmpty();
		for (Path cache : caches) {
			makeUnwritable(cache, true);
		}
		env.remove("ASTRO_SHELL_LAUNCHER_VERBOSE");
		Repl repl = startRepl();
		try {
			repl.send("help");
			repl.awaitOut("AVAILABLE COMMANDS");
			// the JVM's own helpers (JLine asks stty about the terminal) come and go; a job or its zombie would stay
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(repl.process().children().map(LauncherIT::describe).toList()).isEmpty());

			Run run = run("--version");
			assertThat(run.exit()).isZero();
			assertThat(run.out()).startsWith("astro-shell ");
			assertThat(run.err()).as("no rm noise").isEmpty();
			repl.send("exit");
			assertThat(repl.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(repl.process().exitValue()).isZero();
			assertThat(repl.err()).as("no rm noise").isEmpty();
		}
		finally {
			repl.process().destroyForcibly();
			stopProcessesInTheTree();
			for (Path cache : caches) {
				makeUnwritable(cache, false);
			}
		}
	}

	@Test
	void aMissingJarIsOneClearLine(@TempDir Path empty) throws Exception {
		Path alone = empty.resolve("bin/astro-shell");
		Files.createDirectories(alone.getParent());
		Files.copy(launcher, alone, StandardCopyOption.COPY_ATTRIBUTES);
		Run run = run(alone, "help");
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err().strip()).startsWith("Error: ").contains("astro-shell.jar not found").doesNotContain("\n");
	}

	/** The build the launcher starts from, made first if there is none that matches the jar. */
	private Path validBuild() throws Exception {
		String before = readyName();
		String setting = env.put(BUILD_NOW, "1");
		Run run = run("--version");
		if (!run.err().contains("cached start")) {
			awaitNewBuild(before);
			run = run("--version");
		}
		env.put(BUILD_NOW, setting);
		assertThat(run.err()).contains("cached start");
		return slot().resolve(readyName());
	}

	/** Waits until a build other than {@code before} is the ready one and the background job has ended. */
	private Path awaitNewBuild(String before) throws IOException {
		Awaitility.await().atMost(BUILD_TIME).pollInterval(Duration.ofMillis(200)).until(() -> {
			String ready = readyName();
			return ready != null && !ready.equals(before)
					&& command("flock", "-n", slot().resolve("train.lock").toString(), "true") == 0;
		});
		return slot().resolve(readyName());
	}

	/** The jar rebuilt: a new file in its place, with the given mtime (else now). */
	private void rebuildJar(Instant mtime) throws IOException {
		Path rebuilt = dir.resolve("target/rebuilt.jar");
		Files.copy(jar, rebuilt, StandardCopyOption.REPLACE_EXISTING);
		if (mtime != null) {
			Files.setLastModifiedTime(rebuilt, FileTime.from(mtime));
		}
		Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Root writes anywhere, save where chattr +i forbids it; anyone else, where permissions do. */
	private static void makeUnwritable(Path path, boolean unwritable) throws Exception {
		if (System.getProperty("user.name").equals("root")) {
			int exit = command("chattr", unwritable ? "+i" : "-i", path.toString());
			assumeThat(exit).as("chattr works on this file system").isZero();
		}
		else {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(unwritable ? "r-xr-xr-x" : "rwxr-xr-x"));
		}
	}

	private static Path slot() throws IOException {
		if (!Files.isDirectory(cacheRoot)) {
			return cacheRoot.resolve("none");
		}
		try (Stream<Path> dirs = Files.list(cacheRoot)) {
			return dirs.filter(d -> d.getFileName().toString().contains("-java"))
				.findFirst()
				.orElse(cacheRoot.resolve("none"));
		}
	}

	private static String readyName() throws IOException {
		Path ready = slot().resolve("ready");
		return Files.exists(ready) ? Files.readString(ready).strip() : null;
	}

	private static Path archiveIn(Path build) throws IOException {
		try (Stream<Path> files = Files.list(build)) {
			return files.filter(f -> f.getFileName().toString().matches("app\\.(jsa|aot)")).findFirst().orElseThrow();
		}
	}

	/** Every process started from the tree: background jobs and their JVMs, and any REPL a failed test left. */
	private static void stopProcessesInTheTree() {
		List<ProcessHandle> processes = ProcessHandle.allProcesses()
			.filter(p -> p.pid() != ProcessHandle.current().pid())
			.filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
			.toList();
		processes.forEach(ProcessHandle::destroyForcibly);
		// polled here: onExit() of a process that is not this JVM's child polls from 300 ms up, one process after another
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
	}

	private static String describe(ProcessHandle process) {
		return process.pid() + " " + process.info().commandLine().orElse("<defunct>");
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static int command(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return process.waitFor();
	}

	private Run run(String... args) throws Exception {
		return run(launcher, args);
	}

	private Run run(Path launcher, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(args));
		return finish(builder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
	}

	/** The launcher as the leader of a session on a terminal (script's pty), which ends when the launcher exits. */
	private Run runOnATerminal(String... args) throws Exception {
		StringBuilder line = new StringBuilder("'" + launcher + "'");
		for (String arg : args) {
			line.append(" '").append(arg).append("'");
		}
		return finish(builder(List.of("script", "-q", "-e", "-c", line.toString(), "/dev/null"))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start());
	}

	private ProcessBuilder builder(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(dir.resolve("out.txt").toFile())
			.redirectError(dir.resolve("err.txt").toFile());
		env.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		return builder;
	}

	private Run finish(Process process) throws Exception {
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher finishes").isTrue();
		return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")),
				Files.readString(dir.resolve("err.txt")));
	}

	/** A REPL reading commands from a pipe, its output in files. */
	record Repl(Process process, Path out, Path errFile) {

		void send(String command) throws IOException {
			OutputStream in = process.getOutputStream();
			in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
			in.flush();
		}

		String err() {
			return read(errFile);
		}

		void awaitOut(String text) {
			Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> read(out).contains(text));
		}

		void awaitErr(String text) {
			Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> read(errFile).contains(text));
		}

		private static String read(Path file) {
			try {
				return Files.readString(file);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private Repl startRepl() throws IOException {
		Path out = dir.resolve("repl-out.txt");
		Path err = dir.resolve("repl-err.txt");
		Process process = builder(List.of(launcher.toString())).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		return new Repl(process, out, err);
	}
}
