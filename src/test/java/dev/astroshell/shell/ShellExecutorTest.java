package dev.astroshell.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.gateway.Waits;
import dev.astroshell.session.BuiltInSandbox;
import dev.astroshell.session.ConfigStore;
import dev.astroshell.session.Session;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Progress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.shell.core.command.CommandRegistry;

import static org.assertj.core.api.Assertions.assertThat;

@ShellTestContext
class ShellExecutorTest {

	@Autowired
	ShellDriver shell;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"demo widget update --force clock-1          | id=clock-1 name=null count=3 force=true",
			"demo widget update clock-1 -f --count 5     | id=clock-1 name=null count=5 force=true",
			"demo widget update --force=false clock-1    | id=clock-1 name=null count=3 force=false",
			"demo widget update --name \"a b\"           | id= name=a b count=3 force=false",
			"demo widget update --name=\"a \\\"b\\\"\"   | id= name=a \"b\" count=3 force=false",
			"demo widget update -t 'x y' -c=7            | id= name=x y count=7 force=false",
			"demo widget update -t=v -- --not-an-option  | id=--not-an-option name=v count=3 force=false",
			"dm wi up clock-1 -f                         | id=clock-1 name=null count=3 force=true",
			"demos to up clock-1                         | -",
			"demos widget update clock-1                 | id=clock-1 name=null count=3 force=false" })
	void parsesOptionsFlagsQuotesAndAliases(String line, String expected) {
		ShellDriver.Result result = shell.run(line.strip());
		if (expected.equals("-")) {
			assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		}
		else {
			assertThat(result.err()).isEmpty();
			assertThat(result.out().strip()).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"nosuch                               | 2 | unknown command 'nosuch'; try 'help'",
			"demo widget bogus                    | 2 | unknown command 'demo widget bogus'; try 'help'",
			"demo widget update --bogus           | 2 | unknown option '--bogus' for 'demo widget update'",
			"demo widget update --name            | 2 | option '--name' requires a value",
			"demo widget update a b               | 2 | unexpected argument 'b' for 'demo widget update'",
			"demo widget update --count abc       | 2 | invalid value 'abc' for --count: expected a whole number",
			"demo widget update --name a --name b | 2 | option '--name' given more than once; give it once",
			"demo widget update -t a --name=b     | 2 | option '--name' given more than once; give it once",
			"demo widget update --name=a -t b     | 2 | option '--name' given more than once; give it once",
			"demo widget update -c 1 -c 1         | 2 | option '--count' given more than once; give it once",
			"demo widget update -f --force=false  | 2 | option '--force' given more than once; give it once",
			"demo widget create                   | 2 | Required option '--name' is missing.",
			"demo fail --kind cli                 | 3 | cli says no",
			"demo fail --kind api401              | 4 | the API token is no longer valid; run 'login' again",
			"demo fail --kind api                 | 1 | server said no",
			"demo fail --kind illegal             | 2 | bad argument",
			"demo fail --kind other               | 1 | kaput",
			"help --name \"unclosed               | 2 | missing closing quote (\")" })
	void failuresAreOneLineWithTheirExitCode(String line, int exitCode, String message) {
		ShellDriver.Result result = shell.run(line.strip());
		assertThat(result.exitCode()).isEqualTo(exitCode);
		assertThat(result.err()).isEqualTo("Error: " + message + System.lineSeparator());
	}

	@Test
	void debugAddsRequestIdAndStackTrace(@Autowired CommandLineParser parser,
			@Autowired CommandRegistry registry, @Autowired BuiltInCommands help, @Autowired Terminal terminal,
			@Autowired Session session) {
		ShellMode debug = new ShellMode(terminal, new AstroProperties(null, null, true));
		var out = new StringWriter();
		var err = new StringWriter();
		int code = new ShellExecutor(parser, registry, help, debug, session, Progress.NONE, new Waits()).execute("demo fail --kind api",
				ShellExecutor.Streams.of(new PrintWriter(out), new PrintWriter(err)), null);
		assertThat(code).isEqualTo(ExitCodes.FAILURE);
		assertThat(err.toString()).startsWith("Error: server said no")
			.contains("requestId: req-500")
			.contains("at dev.astroshell.shell.DemoCommands.fail");
	}

	@Test
	void anInvalidTokenFromTheEnvironmentSaysToFixOrUnsetItNotToLogIn(@Autowired CommandLineParser parser,
			@Autowired CommandRegistry registry, @Autowired BuiltInCommands help,
			@Autowired ShellMode mode, @Autowired BuiltInSandbox sandbox, @Autowired AstroApiFactory clients,
			@Autowired AstroProperties properties, @Autowired ApplicationEventPublisher events,
			@TempDir Path home) {
		Session fromEnvironment = new Session(new ConfigStore(home.resolve("config.yaml")), sandbox, clients,
				properties, events, Clock.systemUTC(), Map.of("ASTRO_API_TOKEN", "from-the-environment"), new Waits());
		var err = new StringWriter();
		int code = new ShellExecutor(parser, registry, help, mode, fromEnvironment, Progress.NONE, new Waits()).execute(
				"demo fail --kind api401", ShellExecutor.Streams.of(new PrintWriter(new StringWriter()),
						new PrintWriter(err)), null);
		assertThat(code).isEqualTo(ExitCodes.AUTH);
		assertThat(err.toString()).isEqualTo("Error: the API token in ASTRO_API_TOKEN is no longer valid;"
				+ " fix or unset ASTRO_API_TOKEN" + System.lineSeparator());
	}

	@Test
	void groupPrefixListsItsCommands() {
		ShellDriver.Result result = shell.run("dm widget");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Commands under 'demo widget':")
			.containsSubsequence("demo widget create", "Create a widget", "demo widget update", "Update a widget")
			.doesNotContain("demo fail");
	}

}
