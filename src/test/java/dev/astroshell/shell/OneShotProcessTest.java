package dev.astroshell.shell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroShellApplication;
import dev.astroshell.cli.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code main} as a user runs it, once: a child JVM with the main classpath (not the test classes, so no test
 * configuration leaks in), its own XDG dirs and working directory, stdin from /dev/null. What the runner does with
 * arguments, scripts and failures is tested in-process by {@link OneShotTest}; this is what only a process shows: the
 * exit code, stdout and stderr apart, the environment's token, and nothing left in the working directory.
 */
class OneShotProcessTest {

	record Outcome(int exitCode, String out, String err) {

		List<String> errLines() {
			return err.lines().toList();
		}
	}

	@TempDir
	Path home;

	@Test
	void aScriptStopsAtAnInvalidEnvironmentTokenWithExit4ItsOutputOnStdoutAndTheErrorOnStderr() throws IOException {
		Path workDir = Files.createDirectories(home.resolve("cwd"));
		Files.writeString(workDir.resolve("script.txt"), """
				# a comment, then a blank line

				help
				deployment list
				help quit
				""");

		Outcome run = launch(home, workDir, List.of("--debug", "@script.txt"), Map.of("ASTRO_API_TOKEN", "not-a-jwt"));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.AUTH);
		assertThat(run.out()).contains("AVAILABLE COMMANDS", "quit, exit").doesNotContain("NAME");
		assertThat(run.errLines()).first()
			.isEqualTo("Error: script.txt:4: API Token is invalid or malformed (the token in ASTRO_API_TOKEN; fix or unset it)");
		assertThat(run.err()).as("--debug adds the stack trace").contains("\tat dev.astroshell.");
		try (Stream<Path> files = Files.list(workDir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("script.txt");
		}
		assertThat(home.resolve("config/astro-shell/history")).exists();
	}

	/**
	 * Runs the application in a child JVM with {@code home}'s XDG dirs, in {@code workDir}, stdin from /dev/null; with
	 * the JVM options bin/astro-shell starts it with, which also start it faster.
	 */
	private static Outcome launch(Path home, Path workDir, List<String> args, Map<String, String> env) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-Xmn16m", "-XX:-UsePerfData",
				"-Xshare:auto", "-cp", mainClasspath(), AstroShellApplication.class.getName()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
		builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
		builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
		builder.environment().remove("ASTRO_API_TOKEN");
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			CompletableFuture<String> out = CompletableFuture
				.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture
				.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("timed out: " + args);
			}
			return new Outcome(process.exitValue(), out.get(), err.get());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String read(InputStream stream) {
		try {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The test classpath without the test classes; surefire may hide it behind a manifest-only booter jar. */
	static String mainClasspath() {
		List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
		if (entries.size() == 1 && entries.get(0).contains("surefirebooter")) {
			entries = manifestClassPath(entries.get(0));
		}
		return entries.stream()
			.filter(e -> !Path.of(e).endsWith("test-classes") && !e.contains("surefire"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static List<String> manifestClassPath(String jar) {
		try (JarFile file = new JarFile(jar)) {
			String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
			return Arrays.stream(classPath.split(" ")).map(url -> Path.of(URI.create(url)).toString()).toList();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
