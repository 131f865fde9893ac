package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.astroshell.cli.ShellWords;

import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ShellTestContext
class SecretFilteringHistoryTest {

	static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	LineReader lineReader;

	@Autowired
	History history;

	@ParameterizedTest
	@ValueSource(strings = { "login --token TOPSECRET", "login --token=TOPSECRET", "x --password hunter2",
			"x --api-key=k", "demo widget update --name " + JWT, "echo Bearer " + JWT })
	void linesThatMayHoldASecret(String line) {
		assertThat(ShellWords.mayHoldSecret(line)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "deployment token list", "deployment token update -t \"CI token\" --role ADMIN",
			"login --token-file ~/tok", "deployment token rotate tok-1 --force" })
	void ordinaryLines(String line) {
		assertThat(ShellWords.mayHoldSecret(line)).as(line).isFalse();
	}

	@Test
	void secretsReachNeitherTheHistoryNorItsFile() throws Exception {
		typeLine("demo widget update --name " + JWT);
		typeLine("login --token TOPSECRET");
		typeLine("demo widget update kept-line");
		var secret = shell.async(() -> lineReader.readLine("token> ", '*'));
		tty.awaitScreen("token> ");
		tty.type("MASKEDSECRET\r");
		assertThat(secret.get(10, TimeUnit.SECONDS)).isEqualTo("MASKEDSECRET");
		history.save();

		List<String> remembered = new ArrayList<>();
		history.forEach(entry -> remembered.add(entry.line()));
		assertThat(remembered).contains("demo widget update kept-line")
			.noneMatch(l -> l.contains("eyJ") || l.contains("TOPSECRET") || l.contains("MASKEDSECRET"));

		Path file = Path.of(lineReader.getVariable(LineReader.HISTORY_FILE).toString());
		assertThat(file).startsWith(Path.of(System.getenv("XDG_CONFIG_HOME"), "astro-shell"));
		assertThat(Files.readString(file)).contains("kept-line")
			.doesNotContain("eyJ")
			.doesNotContain("TOPSECRET")
			.doesNotContain("MASKEDSECRET");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	private void typeLine(String line) throws Exception {
		tty.clear();
		var read = shell.async(() -> lineReader.readLine("history> "));
		tty.awaitScreen("history> ");
		tty.type(line + "\r");
		read.get(10, TimeUnit.SECONDS);
	}

}
