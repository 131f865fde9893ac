package dev.astroshell.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --dry-run} on every write: the token and the role are resolved (reads only), the change and the exact
 * requests are printed, and the server's request log shows that no write went out. The same line without
 * {@code --dry-run} then sends exactly the requests the preview showed. {@code -o json} and {@code --json} print the
 * typed outcome, a failure's too (then with its line on stderr and exit 1).
 */
@ScriptedShellTest
class WriteDryRunAndJsonTest {

	static final String NL = System.lineSeparator();

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void fresh() {
		fixture.fresh();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			update ${ci} --role "Deploy Bot"                                  | role: DEPLOYMENT_ADMIN -> Deploy Bot on etl-prod
			update ${ci} --new-name "CI main"                                 | name: Ci Deploy Token -> CI main
			create --name nightly --role DAG_RUNNER -e 30                     | role: none -> DAG_RUNNER on etl-prod
			rotate ${ci} --force                                              | would be rotated
			delete ${ci} --force                                              | would be deleted
			delete ${ws} --force                                              | role: DEPLOYMENT_ADMIN -> none on etl-prod
			workspace-token add ${ws} --role "Deploy Bot" --deployment-id ${staging} | role: none -> Deploy Bot on ${staging}
			workspace-token update ${ws} -r DAG_RUNNER                        | role: DEPLOYMENT_ADMIN -> DAG_RUNNER on etl-prod
			workspace-token remove ${ws} --force                              | role: DEPLOYMENT_ADMIN -> none on etl-prod
			organization-token add ${billing} -r DAG_RUNNER                   | role: none -> DAG_RUNNER on etl-prod
			organization-token update ${org} --role DEPLOYMENT_ADMIN          | -> DEPLOYMENT_ADMIN on etl-prod
			organization-token remove ${org} --force                          | -> none on etl-prod
			""")
	void printsTheChangeAndTheRequestsAndSendsNoWriteThenTheWriteSendsExactlyThose(String command, String change) {
		String line = "deployment token " + ids(command);
		Result preview = shell.run(line + " --dry-run");

		assertThat(preview.exitCode()).as(preview.err()).isEqualTo(ExitCodes.OK);
		assertThat(preview.out()).contains(ids(change)).contains("(dry run: nothing was sent)");
		assertThat(fixture.requests()).as("reads only").allMatch(r -> r.startsWith("GET "));
		List<String> shown = preview.out().lines().filter(l -> l.startsWith("POST ") || l.startsWith("DELETE ")).toList();
		assertThat(shown).isNotEmpty();

		fixture.clearRequests();
		Result write = shell.run(line);

		assertThat(write.exitCode()).as(write.err()).isEqualTo(ExitCodes.OK);
		assertThat(fixture.requests().stream().filter(r -> !r.startsWith("GET ")).toList())
			.as("the requests the preview showed, each as shown (method and path)")
			.containsExactlyElementsOf(shown.stream().map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).toList());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			update ${ci} --role "Deploy Bot" | update
			create --name nightly --role DAG_RUNNER | create
			rotate ${ci} --force | rotate
			""")
	void aPreviewAsJsonListsTheRequestsWithTheirBodiesAndNeverASecret(String command, String what) {
		ApiToken before = session.api().getToken(SandboxSeed.ORGANIZATION_ID, SandboxSeed.TOKEN_CI_DEPLOY_ID).block();
		Result preview = shell.run("deployment token " + ids(command) + " --dry-run -o json");

		assertThat(preview.exitCode()).as(preview.err()).isEqualTo(ExitCodes.OK);
		JsonNode tree = json.readTree(preview.out());
		assertThat(tree.get("dryRun").asBoolean()).isTrue();
		assertThat(tree.get("requests")).isNotEmpty();
		assertThat(tree.get("requests").get(0).get("path").asString()).startsWith("/v1/organizations/");
		assertThat(tree.has("token")).as("no secret in a preview").isFalse();
		assertThat(fixture.requests()).allMatch(r -> r.startsWith("GET "));
		ApiToken after = session.api().getToken(SandboxSeed.ORGANIZATION_ID, SandboxSeed.TOKEN_CI_DEPLOY_ID).block();
		assertThat(after).as(what + " changed nothing").isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			update ${ci} --role "Deploy Bot" -o json                 | ${ci}      | role | DEPLOYMENT_ADMIN | Deploy Bot
			delete ${ws} --force --json                              | ${ws}      | role | DEPLOYMENT_ADMIN | -
			workspace-token add ${ws} -r DAG_RUNNER --deployment-id ${staging} -o json | ${ws} | role | - | DAG_RUNNER
			workspace-token update ${ws} -r DAG_RUNNER --json        | ${ws}      | role | DEPLOYMENT_ADMIN | DAG_RUNNER
			workspace-token remove ${ws} -f -o json                  | ${ws}      | role | DEPLOYMENT_ADMIN | -
			organization-token add ${billing} -r DAG_RUNNER -o json  | ${billing} | role | - | DAG_RUNNER
			organization-token remove ${org} --force --json          | ${org}     | role | Deploy Bot | -
			""")
	void everyWritePrintsItsTypedOutcomeAsJson(String command, String id, String field, String before,
			String after) {
		Result r = shell.run("deployment token " + ids(command));

		assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
		JsonNode out = json.readTree(r.out());
		assertThat(out.get("outcome").asString()).isEqualTo("DONE");
		assertThat(out.get("id").asString()).isEqualTo(ids(id));
		assertThat(out.get("name").asString()).isNotBlank();
		JsonNode change = out.get("changes").get(0);
		assertThat(change.get("field").asString()).isEqualTo(field);
		assertThat(change.get("before").isNull() ? "-" : change.get("before").asString()).isEqualTo(before);
		assertThat(change.get("after").isNull() ? "-" : change.get("after").asString()).isEqualTo(after);
		assertThat(out.has("token")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			create --name nightly --role DAG_RUNNER -o json
			rotate ${ci} --force --json
			""")
	void aCreateOrARotationPrintsItsSecretAsTokenOnlyInItsJson(String command) {
		Result r = shell.run("deployment token " + ids(command));

		assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
		JsonNode out = json.readTree(r.out());
		assertThat(out.get("outcome").asString()).isEqualTo("DONE");
		String secret = out.get("token").asString();
		assertThat(secret).isNotBlank();
		assertThat(fixture.requests()).as("the log never holds a secret").noneMatch(l -> l.contains(secret));
	}

	@Test
	void aLostAnswerConfirmedByTheReadBackIsItsOwnKindWithItsNote() {
		// the sandbox carries out every role write and loses its answer
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 502 }, 0, 1, 1, "/roles", "POST"));
		Result r = shell.run("deployment token update " + SandboxSeed.TOKEN_CI_DEPLOY_ID + " -r DAG_RUNNER -o json");
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);

		assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
		JsonNode out = json.readTree(r.out());
		assertThat(out.get("outcome").asString()).isEqualTo("DONE_CONFIRMED_AFTER_LOST_ANSWER");
		assertThat(out.get("readBack").get(0).asString()).isEqualTo(LostAnswer.CONFIRMED_NOTE);
	}

	@Test
	void aWriteNotKnownDonePrintsItsJsonThenItsLineAndExitsOne() {
		// every rename is refused with a 503 before it is carried out: the read-back shows the name unchanged
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 1, new int[] { 503 }, 0, 0, 1,
					"/tokens/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, "POST"));
		Result r = shell.run("deployment token update " + SandboxSeed.TOKEN_CI_DEPLOY_ID + " --new-name x --json");
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		JsonNode out = json.readTree(r.out());
		assertThat(out.get("outcome").asString()).isEqualTo("NOT_DONE_CONFIRMED");
		assertThat(r.err()).isEqualTo("Error: " + out.get("error").asString() + NL);
	}

	private static String ids(String text) {
		return text.replace("${ci}", SandboxSeed.TOKEN_CI_DEPLOY_ID)
			.replace("${ws}", SandboxSeed.TOKEN_WORKSPACE_DATA_ID)
			.replace("${org}", SandboxSeed.TOKEN_ORG_AUTOMATION_ID)
			.replace("${billing}", SandboxSeed.TOKEN_ORG_BILLING_ID)
			.replace("${staging}", SandboxSeed.DEPLOYMENT_ETL_STAGING_ID);
	}
}
