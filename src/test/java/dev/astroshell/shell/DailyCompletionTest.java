package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.ConfigStore;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab as typed in daily use, on the virtual terminal against the sandbox: the README's {@code --name="…} form, the
 * output formats, login's domains and token file, the shell's own words.
 */
@ShellTestContext
class DailyCompletionTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	LineReader lineReader;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	ConfigStore store;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		tty.clear();
	}

	@Test
	void theReadmesInlineQuotedForm() throws Exception {
		assertThat(shell.complete("deployment token update --name=\"Ci")).contains("--name=Ci Deploy Token");
		assertThat(readLineTyping("deployment token update --name=\"Ci\t\r"))
			.isEqualTo("deployment token update --name=\"Ci Deploy Token\" ");
		assertThat(readLineTyping("deployment token update --name=É\t\r"))
			.isEqualTo("deployment token update --name=\"Équipe données\" ");
	}

	@Test
	void anEmptyInlineValueQuotesOnlyTheValue() throws Exception {
		assertThat(shell.complete("deployment token update --name=")).containsExactly("--name=Ci Deploy Token",
				"--name=Équipe données");
		// the second Tab walks the menu and inserts its first entry
		String line = readLineTyping("deployment token update --name=\t\t\r\r");
		assertThat(line).startsWith("deployment token update --name=\"Ci Deploy Token").doesNotContain("\"--name");
	}

	@Test
	void aNewNameHasNothingToPropose() {
		assertThat(shell.complete("deployment token update --new-name ")).isEmpty();
		assertThat(shell.complete("deployment token update --new-name=")).isEmpty();
		assertThat(shell.complete("deployment token update -n ")).isEmpty();
	}

	@Test
	void outputFormatsForEveryListCommand() {
		for (String command : new String[] { "deployment list", "deployment token list", "status", "context list",
				"workspace list" }) {
			assertThat(shell.complete(command + " -o ")).as(command).containsExactly("table", "json");
		}
		assertThat(shell.complete("deployment list --output=")).containsExactly("--output=table", "--output=json");
	}

	@Test
	void loginProposesTheSavedAndTheUsualDomains() {
		assertThat(shell.complete("login ")).contains("astronomer.io", "localhost", "sandbox")
			.containsAll(store.load().contexts().keySet());
		assertThat(shell.complete("login lo")).contains("localhost");
		assertThat(shell.complete("login -")).contains("--token-file");
	}

	@Test
	void theTokenFileCompletesPaths(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("token.txt"), "x");
		Files.writeString(dir.resolve(".hidden"), "x");
		Files.createDirectory(dir.resolve("keys"));
		assertThat(shell.complete("login localhost --token-file " + dir + "/")).containsExactly(dir + "/keys/",
				dir + "/token.txt");
		assertThat(shell.complete("login --token-file=" + dir + "/.")).contains("--token-file=" + dir + "/.hidden");
		assertThat(shell.complete("login --token-file " + dir + "/missing/")).isEmpty();
		assertThat(readLineTyping("login --token-file " + dir + "/to\t\r"))
			.isEqualTo("login --token-file " + dir + "/token.txt ");
	}

	@Test
	void manyCandidatesAreOfferedInTheShellsOwnName(@TempDir Path dir) throws Exception {
		for (int i = 0; i < 120; i++) {
			Files.writeString(dir.resolve("token-" + i), "x");
		}
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type("login --token-file " + dir + "/\t");
		tty.awaitScreen("do you wish to see all 120 possibilities");
		assertThat(tty.screen()).contains("astro-shell: do you wish to see all").doesNotContain("Spring Shell");
		tty.type("n\r");
		// no list, only the common start of the names
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("login --token-file " + dir + "/token-");
	}

	@Test
	void aDeploymentGivenByNameCompletesItsTokens() {
		assertThat(shell.complete("deployment token update --deployment-id ml-dev --name ")).contains("ml-dev notebook")
			.doesNotContain("Ci Deploy Token");
		assertThat(shell.complete("deployment token update --deployment-id ml-dev "))
			.contains(SandboxSeed.TOKEN_ML_NOTEBOOK_ID);
		assertThat(shell.complete("deployment token update --deployment-id=ml-dev ")).contains(SandboxSeed.TOKEN_ML_NOTEBOOK_ID);
	}

	@Test
	void valuesMatchAsThePickersDo() throws Exception {
		assertThat(readLineTyping("deployment token update --role deploym\t\r"))
			.isEqualTo("deployment token update --role DEPLOYMENT_ADMIN ");
		assertThat(readLineTyping("deployment token update --role dag\t\r"))
			.isEqualTo("deployment token update --role DAG_RUNNER ");
		assertThat(readLineTyping("deployment token update --role runner\t\r"))
			.as("by a word when nothing starts so")
			.isEqualTo("deployment token update --role DAG_RUNNER ");
		assertThat(readLineTyping("deployment token update --name \"ci de\t\r"))
			.isEqualTo("deployment token update --name \"Ci Deploy Token\" ");
		assertThat(readLineTyping("deployment token update --name EQU\t\r"))
			.isEqualTo("deployment token update --name \"Équipe données\" ");
	}

	@Test
	void oneListWithoutJLinesGroups() throws Exception {
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type("deployment token update --role dep\t");
		tty.awaitScreen("DEPLOYMENT_ADMIN");
		tty.awaitScreen("Deploy Bot");
		assertThat(tty.screen()).doesNotContain("others").doesNotContain("original");
		tty.type("\r");
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("deployment token update --role dep");
	}

	@Test
	void anOptionIsOneEntryWithItsShortName() throws Exception {
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type("deployment token update --r\t");
		tty.awaitScreen("--role");
		tty.type("\r");
		assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("deployment token update --role ");
		assertThat(shell.candidates("deployment token update ").stream().filter(c -> c.value().equals("--role")))
			.extracting(Candidate::displ)
			.containsExactly("--role, -r");
		assertThat(shell.complete("deployment token update ")).contains("--role").doesNotContain("-r");
	}

	/** The hint's delay is beyond reach in this context: a look-up that answers shows none (ProgressLineTest shows it). */
	@Test
	void aQuickLookUpShowsNoHint() throws Exception {
		assertThat(readLineTyping("deployment switch " + SandboxSeed.DEPLOYMENT_ML_DEV_ID.substring(0, 5) + "\t\r"))
			.isEqualTo("deployment switch " + SandboxSeed.DEPLOYMENT_ML_DEV_ID + " ");
		assertThat(tty.screen()).doesNotContain("fetching");
	}

	private String readLineTyping(String keys) throws Exception {
		tty.clear();
		var line = shell.async(() -> lineReader.readLine("complete> "));
		tty.awaitScreen("complete> ");
		tty.type(keys);
		return line.get(10, TimeUnit.SECONDS);
	}

}
