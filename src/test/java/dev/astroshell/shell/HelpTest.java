package dev.astroshell.shell;

import java.util.List;
import java.util.stream.Stream;

import dev.astroshell.cli.ExitCodes;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.Command;

import static org.assertj.core.api.Assertions.assertThat;

@ShellTestContext
class HelpTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	CommandModel model;

	@Test
	void indexListsEveryCommandByGroupThenName() {
		ShellDriver.Result result = shell.run("help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).containsSubsequence("Demo", "demo fail", "Fail in the way asked", "demo pick",
				"demo widget create", "demo widget update", "Update a widget", "Built-In Commands", "help", "quit, exit");
	}

	@Test
	void commandHelpComesFromTheAnnotations() {
		String expected = """
				NAME
				  demo widget update - Update a widget

				SYNOPSIS
				  demo widget update [WIDGET_ID] [--count <count>] [--force] [--name <name>]

				ARGUMENTS
				  WIDGET_ID   The widget's ID

				OPTIONS
				  --count, -c <count>   How many (default: 3)
				  --force, -f           Do not ask
				  --name, -t <name>     The widget's new name
				  --help, -h            Show this help

				ALIASES
				  demo: demos, dm; widget: wi; update: up

				EXAMPLES
				  demo widget update clock-1 --name "New name"
				  demo widget update --force
				""";
		assertThat(shell.run("help demo widget update").out().strip()).isEqualTo(expected.strip());
		assertThat(shell.run("demo widget update --help").out().strip()).isEqualTo(expected.strip());
		assertThat(shell.run("dm wi up -h").out().strip()).isEqualTo(expected.strip());
	}

	@Test
	void everyExampleIsACommandLineNotProse() {
		for (CommandModel.Spec spec : model.commands()) {
			Command command = spec.command();
			List<String> names = Stream.concat(Stream.of(command.getName()), command.getAliases().stream()).toList();
			String help = command.getHelp() == null ? "" : command.getHelp();
			assertThat(help.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()))
				.as("EXAMPLES of '%s' (its help attribute) are command lines using its name", command.getName())
				.allMatch(example -> names.stream().anyMatch(example::contains));
		}
	}

	@Test
	void helpWrapsAtWordsWithContinuationLinesIndented(@Autowired Terminal terminal) {
		String index = shell.run("help").out();
		String command = shell.run("help deployment token create").out();
		terminal.setSize(new Size(80, VirtualTerminal.HEIGHT));
		try {
			String narrowIndex = shell.run("help").out();
			String narrowCommand = shell.run("help deployment token create").out();
			assertThat(words(narrowIndex)).isEqualTo(words(index));
			assertThat(words(narrowCommand)).isEqualTo(words(command));
			String beforeExamples = narrowCommand.substring(0, narrowCommand.indexOf("EXAMPLES"));
			assertThat((narrowIndex + beforeExamples).lines()).allMatch(line -> line.length() < 80);
			// a wrapped description goes on in its column
			assertThat(narrowCommand).containsPattern("\n {20,}\\S");
		}
		finally {
			terminal.setSize(new Size(VirtualTerminal.WIDTH, VirtualTerminal.HEIGHT));
		}
	}

	private static List<String> words(String text) {
		return List.of(text.strip().split("\\s+"));
	}

	@Test
	void requiredOptionsAreMarked() {
		assertThat(shell.run("demo widget create --help").out()).contains("demo widget create --name <name>\n")
			.contains("--name <name>   Its name (required)");
	}

	@Test
	void helpOnAGroupListsItsCommands() {
		assertThat(shell.run("help demo widget").out()).contains("Commands under 'demo widget':")
			.containsSubsequence("demo widget create", "demo widget update");
		assertThat(shell.run("demo --help").out()).contains("Commands under 'demo':");
	}

	@Test
	void helpOnAnUnknownCommandIsAUsageError() {
		ShellDriver.Result result = shell.run("help demo nosuch");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).startsWith("Error: unknown command 'demo nosuch'");
	}

}
