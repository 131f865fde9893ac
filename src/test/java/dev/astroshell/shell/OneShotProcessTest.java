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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroShellApplication;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.testing.SeedFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a user runs it: a child JVM with the main classpath (not the test classes, so no test
 * configuration leaks in), its own XDG dirs and working directory, stdin from /dev/null. The runs start together to
 * keep the test short; add a run to {@link #RUNS} and a test reading {@link #result}.
 */
class OneShotProcessTest {

	record Run(String name, List<String> args, Map<String, String> env) {
		Run(String name, List<String> args) {
			this(name, args, Map.of());
		}
	}

	record Outcome(int exitCode, String out, String err) {

		List<String> errLines() {
			return err.lines().toList();
		}
	}

	static final List<Run> RUNS = List.of(new Run("help", List.of("help")),
			new Run("unknown", List.of("nosuch", "--x")), new Run("badOption", List.of("help", "--bogus")),
			new Run("debug", List.of("help", "--bogus", "--debug")), new Run("script", List.of("@script.txt")),
			new Run("json", List.of("deployment", "list", "-o", "json")),
			new Run("slowJson", List.of("deployment", "list", "-o", "json"), Map.of("ASTRO_SANDBOX_FAULTS_LATENCY", "1s")),
			new Run("apiFailure", List.of("deployment", "token", "update", "clnosuchtoken00000000000000", "--deployment-id",
					SandboxSeed.DEPLOYMENT_ETL_PROD_ID, "--role", SeedFacts.DEPLOYMENT_ADMIN)),
			new Run("malformedToken", List.of("deployment", "list"), Map.of("ASTRO_API_TOKEN", "not-a-jwt")),
			new Run("rotateWithoutForce", tokenCommand("rotate")), new Run("deleteWithoutForce", tokenCommand("delete")),
			new Run("dashDashHelp", List.of("--help")), new Run("dashH", List.of("-h")),
			new Run("version", List.of("--version")));

	/** A token command on a seeded deployment token, named fully since a fresh home has no current deployment. */
	static List<String> tokenCommand(String verb) {
		return List.of("deployment", "token", verb, SandboxSeed.TOKEN_EQUIPE_ID, "--deployment-id",
				SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
	}

	static final Map<String, Outcome> results = new ConcurrentHashMap<>();

	@TempDir
	static Path home;

	static Path workDir;

	@BeforeAll
	static void runAll() throws Exception {
		workDir = Files.createDirectories(home.resolve("cwd"));
		Files.writeString(workDir.resolve("script.txt"), """
				# a comment, then a blank line

				help
				help --bogus
				help quit
				""");
		List<CompletableFuture<Void>> runs = RUNS.stream()
			.map(run -> CompletableFuture.runAsync(() -> results.put(run.name(), launch(home, workDir, run.args(), run.env()))))
			.toList();
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
	}

	@Test
	void helpSucceeds() {
		Outcome help = results.get("help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("AVAILABLE COMMANDS", "help", "quit, exit");
		assertThat(help.err()).isEmpty();
	}

	@Test
	void helpAndVersionWorkAsTheOnlyArgument() {
		for (String run : List.of("dashDashHelp", "dashH")) {
			Outcome help = results.get(run);
			assertThat(help.exitCode()).as(run + ": " + help.err()).isZero();
			assertThat(help.out()).as(run).isEqualTo(results.get("help").out());
		}
		Outcome version = results.get("version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).matches("astro-shell \\S+\\R");
		assertThat(version.err()).isEmpty();
	}

	@Test
	void usageErrorsAreOneLineOnStderrWithExitCode2() {
		assertThat(results.get("unknown").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(results.get("unknown").errLines()).containsExactly("Error: unknown command 'nosuch'; try 'help'");
		assertThat(results.get("badOption").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(results.get("badOption").errLines()).containsExactly("Error: unknown option '--bogus' for 'help'");
	}

	@Test
	void debugShowsTheStackTrace() {
		Outcome debug = results.get("debug");
		assertThat(debug.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(debug.errLines()).first().isEqualTo("Error: unknown option '--bogus' for 'help'");
		assertThat(debug.err()).contains("at dev.astroshell.shell.CommandLineParser");
	}

	@Test
	void scriptStopsAtTheFirstFailureWithItsExitCode() {
		Outcome script = results.get("script");
		assertThat(script.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(script.out()).contains("AVAILABLE COMMANDS").doesNotContain("NAME");
		assertThat(script.errLines()).containsExactly("Error: script.txt:4: unknown option '--bogus' for 'help'");
	}

	@Test
	void listsAsJsonForScripts() {
		Outcome json = results.get("json");
		assertThat(json.exitCode()).isZero();
		assertThat(JsonMapper.builder().build().readTree(json.out()).findValuesAsString("id"))
			.contains(SandboxSeed.DEPLOYMENT_ETL_PROD_ID);
		assertThat(json.err()).isEmpty();
	}

	@Test
	void aSlowListAsJsonIsTheSameBytesWithNothingAdded() {
		Outcome slow = results.get("slowJson");
		assertThat(slow.exitCode()).isZero();
		assertThat(slow.out()).isEqualTo(results.get("json").out());
		assertThat(slow.err()).isEmpty();
	}

	@Test
	void apiFailuresExitWith1() {
		Outcome failure = results.get("apiFailure");
		assertThat(failure.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(failure.errLines()).singleElement()
			.asString()
			.startsWith("Error: no API token with the ID clnosuchtoken00000000000000");
	}

	@Test
	void anInvalidTokenExitsWith4BeforeAnyCall() {
		Outcome invalid = results.get("malformedToken");
		assertThat(invalid.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(invalid.errLines()).containsExactly("Error: API Token is invalid or malformed");
	}

	@Test
	void rotateAndDeleteWithoutForceAndWithoutATerminalExit2NamingForce() {
		for (String run : List.of("rotateWithoutForce", "deleteWithoutForce")) {
			Outcome outcome = results.get(run);
			assertThat(outcome.exitCode()).as(run + ": " + outcome.err()).isEqualTo(ExitCodes.USAGE);
			assertThat(outcome.errLines()).as(run).singleElement().asString().startsWith("Error: ").contains("--force");
			assertThat(outcome.out()).as(run).isEmpty();
		}
	}

	@Test
	void leavesNothingInTheWorkingDirectory() throws IOException {
		try (Stream<Path> files = Files.list(workDir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("script.txt");
		}
		assertThat(home.resolve("config/astro-shell/history")).exists();
	}

	static Outcome launch(Path home, Path workDir, List<String> args) {
		return launch(home, workDir, args, Map.of());
	}

	/** Runs the application in a child JVM with {@code home}'s XDG dirs, in {@code workDir}, stdin from /dev/null. */
	static Outcome launch(Path home, Path workDir, List<String> args, Map<String, String> env) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", mainClasspath(), AstroShellApplication.class.getName()));
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
