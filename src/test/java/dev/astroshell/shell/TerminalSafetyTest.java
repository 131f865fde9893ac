package dev.astroshell.shell;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.session.Session;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token named with terminal controls, created through the API, shown by every path that prints server text: none
 * of its ESC or BEL reaches the output; the visible escapes do. JSON keeps the name exactly.
 */
@ShellTestContext
class TerminalSafetyTest {

	static final String EVIL = "evil \u001b[31mRED\u001b]0;PWNED\u0007\u001b[2J";

	static final String SHOWN = "evil \\e[31mRED\\e]0;PWNED\\a\\e[2J";

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	ShellMode mode;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		tty.clear();
	}

	@AfterEach
	void endRepl() {
		mode.endRepl();
	}

	@Test
	void tableShowsTheEscapesNotTheControls() {
		String id = create(EVIL, "line one\nline two \u009b2J \u202eabc").id();
		ShellDriver.Result r = shell.run("deployment token list");
		assertThat(r.exitCode()).isZero();
		assertInert(r.out());
		String row = r.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
		assertThat(row).contains(SHOWN, "line one⏎line two \\x9b2J \\u202eabc");
		String header = r.out().lines().findFirst().orElseThrow();
		assertThat(row.indexOf("DEPLOYMENT_ADMIN")).as("columns line up with what is shown")
			.isEqualTo(header.indexOf("DEPLOYMENT ROLE"));
	}

	@Test
	void jsonKeepsTheNameExactly() {
		ApiToken token = create(EVIL, "\u009b2J \u202eabc");
		ShellDriver.Result r = shell.run("deployment token list -o json");
		assertThat(r.exitCode()).isZero();
		assertInert(r.out());
		assertThat(r.out()).contains("\"evil \\u001B[31mRED\\u001B]0;PWNED\\u0007\\u001B[2J\"",
				"\"\\u009B2J \\u202Eabc\"");
		JsonNode parsed = json.readTree(r.out());
		JsonNode mine = null;
		for (JsonNode node : parsed) {
			mine = node.get("id").asString().equals(token.id()) ? node : mine;
		}
		assertThat(mine.get("name").asString()).isEqualTo(EVIL);
		assertThat(mine.get("description").asString()).isEqualTo("\u009b2J \u202eabc");
	}

	@Test
	void successAndErrorLines() {
		String id = create(EVIL, null).id();
		ShellDriver.Result updated = shell.run("deployment token update " + id + " --description changed -r DAG_RUNNER");
		assertThat(updated.exitCode()).isZero();
		assertInert(updated.out());
		assertThat(updated.out()).contains("Astro Deployment API token " + SHOWN + " was successfully updated");

		create(EVIL, null);
		ShellDriver.Result ambiguous = shell.run("deployment token update --name '" + EVIL + "' -r DAG_RUNNER");
		assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertInert(ambiguous.err());
		assertThat(ambiguous.err()).startsWith("Error: several").contains("named '" + SHOWN + "'");

		ShellDriver.Result notFound = shell.run("deployment token create --name x -r DEPLOYMENT_ADMIN --deployment-id '"
				+ "dep\u001b]0;x\u0007\nsecond line'");
		assertThat(notFound.exitCode()).isNotZero();
		assertInert(notFound.err());
		assertThat(notFound.err()).as("the server's message quoting the typed ID, on one line")
			.contains("dep\\e]0;x\\a⏎second line")
			.hasLineCount(1);
	}

	@Test
	void pickerLabelsAndTitle() throws Exception {
		create(EVIL, "desc \u001b[2J");
		create(EVIL, null);
		mode.startRepl();
		var result = shell.async(() -> shell.run("deployment token update --name '" + EVIL + "'"));
		tty.awaitScreen("desc \\e["); // the description gives way on the 100-column terminal
		assertThat(tty.screen()).contains("Please select the Deployment API token:", SHOWN);
		assertThat(tty.raw()).doesNotContain("\u001b]0;", "\u0007", "\u001b[31mRED", "\u001b[2J");
		tty.type("\u001b");
		assertThat(result.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void completionCandidatesShowTheEscapes() {
		String id = create(EVIL, null).id();
		List<Candidate> ids = shell.candidates("deployment token update ");
		Candidate mine = ids.stream().filter(c -> c.value().equals(id)).findFirst().orElseThrow();
		assertThat(mine.descr()).contains(SHOWN);
		List<Candidate> names = shell.candidates("deployment token update --name ");
		Candidate named = names.stream().filter(c -> c.displ().contains("evil")).findFirst().orElseThrow();
		assertThat(named.displ()).isEqualTo(SHOWN);
		assertThat(named.value()).as("the name inserted into the line is the real one").isEqualTo(EVIL);
		for (Candidate c : ids) {
			assertInert(c.displ() + c.descr());
		}
	}

	private ApiToken create(String name, String description) {
		return session.api()
			.createToken(ORGANIZATION_ID,
					new CreateTokenRequest(name, "DEPLOYMENT_ADMIN", TokenScope.DEPLOYMENT, description, ETL_PROD, null, null))
			.block();
	}

	static void assertInert(String text) {
		assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
	}

}
