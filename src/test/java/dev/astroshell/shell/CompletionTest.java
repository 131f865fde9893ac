package dev.astroshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

import static org.assertj.core.api.Assertions.assertThat;

@ShellTestContext
class CompletionTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	LineReader lineReader;

	@Autowired
	Parser parser;

	@Autowired
	CommandCompleter completer;

	@Test
	void commandNamesCompleteWordByWord() {
		assertThat(shell.complete("dem")).contains("demo");
		assertThat(shell.complete("demo wi")).contains("widget");
		assertThat(shell.complete("demo widget ")).contains("create", "update");
		assertThat(shell.complete("dm wi ")).contains("create", "update");
	}

	@Test
	void partialPositionalAfterAMultiWordCommand() {
		assertThat(shell.complete("demo widget update cl")).contains("clock-1", "clone-2");
		assertThat(shell.complete("dm wi up cl")).contains("clock-1");
		assertThat(shell.complete("demo widget update --force cl")).contains("clock-1");
		assertThat(shell.complete("demo widget update ")).contains("clock-1", "--name", "--force").doesNotContain("-t");
	}

	@Test
	void optionValuesAfterTheOption() {
		assertThat(shell.complete("demo widget update --name ")).containsExactlyElementsOf(DemoCommands.NAMES);
		assertThat(shell.complete("demo widget update -t To")).containsExactlyElementsOf(DemoCommands.NAMES);
		assertThat(shell.complete("demo widget update --name \"Tok")).containsExactlyElementsOf(DemoCommands.NAMES);
		assertThat(shell.complete("demo widget update --name=To")).contains("--name=Token one", "--name=solo");
	}

	@Test
	void givenOptionsAreNotOfferedAgain() {
		assertThat(shell.complete("demo widget update --name x ")).contains("--force").doesNotContain("--name");
		assertThat(candidatesBefore("demo widget update cl --name x", "demo widget update cl".length()))
			.as("an option given after the cursor counts too")
			.contains("--force", "clock-1")
			.doesNotContain("--name");
	}

	@Test
	void aCompleterThatFailsProposesNothingAndTheLineStays() {
		assertThat(shell.complete("demo fail --kind ")).isEmpty();
		assertThat(shell.complete("demo fail --kind=x")).isEmpty();
	}

	@Test
	void theOptionBeingCompletedIsTheOneBeforeTheCursorWhereverItIs() {
		assertThat(shell.complete("demo widget update clock-1 -t ")).containsExactlyElementsOf(DemoCommands.NAMES);
		assertThat(shell.complete("dm wi up --force --name x cl")).contains("clock-1").doesNotContain("--name");
		assertThat(shell.complete("demo widget update --count 2 ")).contains("clock-1", "--name")
			.doesNotContain("--count");
	}

	@Test
	void helpCompletesCommandWords() {
		assertThat(shell.complete("help demo w")).contains("widget");
		assertThat(shell.complete("help demo widget ")).contains("update");
	}

	@Test
	void candidatesWithSpacesAreInsertedQuoted() throws Exception {
		assertThat(readLineTyping("demo widget update --name \"Token o\t\r"))
			.isEqualTo("demo widget update --name \"Token one\" ");
		assertThat(readLineTyping("demo widget update --name Token\tt\t\r"))
			.isEqualTo("demo widget update --name \"Token two\" ");
		assertThat(readLineTyping("demo widget update cl\tc\t\r")).isEqualTo("demo widget update clock-1 ");
	}

	/** The candidates of Tab with the cursor at {@code cursor}, words following it. */
	private List<String> candidatesBefore(String line, int cursor) {
		List<Candidate> candidates = new ArrayList<>();
		completer.complete(lineReader, parser.parse(line, cursor, Parser.ParseContext.COMPLETE), candidates);
		return candidates.stream().map(Candidate::value).toList();
	}

	private String readLineTyping(String keys) throws Exception {
		tty.clear();
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type(keys);
		return line.get(10, TimeUnit.SECONDS);
	}

}
