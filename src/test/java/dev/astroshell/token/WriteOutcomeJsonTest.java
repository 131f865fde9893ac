package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenRolesResult;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;

import static dev.astroshell.api.FakeAstroApi.lostAnswer;
import static dev.astroshell.api.FakeAstroApi.status;
import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -o json} of a write: the typed outcome, one test per kind, on the in-memory API that can lose answers. The
 * token's ID and name, each change with before and after, the kind, the read-back note where there is one, the
 * failure's line when it is not known done, and the secret, as {@code token}, only in a create's or a rotation's.
 */
class WriteOutcomeJsonTest {

	static final ApiToken CI = deploymentToken("t1", "ci", "DAG_RUNNER");

	static final UpdateTokenRequest RENAME = new UpdateTokenRequest("ci main", "");

	static final UpdateTokenRolesRequest TO_ADMIN = new UpdateTokenRolesRequest(
			List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")));

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void noPromptsWanted() {
		unit.prompter.nonInteractive();
	}

	@AfterEach
	void everyExpectedCallWasMade() {
		api.verifyAllCalled();
	}

	@Test
	void done() {
		unit.expectGet(CI);
		unit.expectGet(CI); // read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(CI);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).reply(new TokenRolesResult(null, null, null, null));
		unit.expectGet(TokenLogicUnitTest.withRoles(CI, TO_ADMIN.roles()));

		JsonNode out = json(update(null, "DEPLOYMENT_ADMIN"));

		assertThat(out.get("outcome").asString()).isEqualTo("DONE");
		assertThat(out.get("id").asString()).isEqualTo("t1");
		assertThat(out.get("name").asString()).isEqualTo("ci");
		assertThat(out.get("changes")).hasSize(1);
		assertThat(change(out, 0)).isEqualTo("role DAG_RUNNER DEPLOYMENT_ADMIN");
		assertThat(out.has("readBack")).isFalse();
		assertThat(out.has("error")).isFalse();
		assertThat(out.has("token")).isFalse();
	}

	@Test
	void doneConfirmedAfterALostAnswerCarriesTheReadBackNote() {
		unit.expectGet(CI).expectDeploymentList(CI); // E1: no namesake
		api.expect("updateToken", ORG, "t1", RENAME).fail(lostAnswer());
		unit.expectGet(TokenLogicUnitTest.renamed(CI, "ci main"));

		JsonNode out = json(update("ci main", null));

		assertThat(out.get("outcome").asString()).isEqualTo("DONE_CONFIRMED_AFTER_LOST_ANSWER");
		assertThat(change(out, 0)).isEqualTo("name ci ci main");
		assertThat(out.get("readBack").get(0).asString()).isEqualTo(LostAnswer.CONFIRMED_NOTE);
		assertThat(out.has("error")).isFalse();
	}

	@Test
	void notDoneConfirmedCarriesTheFailureLine() {
		unit.expectGet(CI).expectDeploymentList(CI); // E1: no namesake
		api.expect("updateToken", ORG, "t1", RENAME).fail(status(502, "Bad Gateway"));
		unit.expectGet(CI);

		JsonNode out = json(update("ci main", null));

		assertThat(out.get("outcome").asString()).isEqualTo("NOT_DONE_CONFIRMED");
		assertThat(out.get("error").asString())
			.isEqualTo("the token ci was not changed (confirmed by reading the token back): Bad Gateway");
		assertThat(change(out, 0)).as("the change asked").isEqualTo("name ci ci main");
	}

	@Test
	void notDoneConfirmedSaysWhichChangeStaysWhenTheRestoreFails() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; E1: no namesake
		api.expect("updateToken", ORG, "t1", RENAME).reply(TokenLogicUnitTest.renamed(CI, "ci main"));
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(status(409, "conflict"));
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).fail(status(400, "no"));

		JsonNode out = json(update("ci main", "DEPLOYMENT_ADMIN"));

		assertThat(out.get("outcome").asString()).isEqualTo("NOT_DONE_CONFIRMED");
		assertThat(out.get("changes").get(0).get("outcome").asString()).as("the rename stays").isEqualTo("DONE");
		assertThat(out.get("changes").get(1).get("outcome").asString()).isEqualTo("NOT_DONE_CONFIRMED");
		assertThat(out.get("error").asString()).endsWith("the token is now named ci main");
	}

	@Test
	void unknownWhenTheReadBackFailsToo() {
		unit.expectGet(CI).expectDeploymentList(CI); // E1: no namesake
		api.expect("updateToken", ORG, "t1", RENAME).fail(lostAnswer());
		api.expect("getToken", ORG, "t1").fail(status(503, "Service Unavailable"));

		JsonNode out = json(update("ci main", null));

		assertThat(out.get("outcome").asString()).isEqualTo("UNKNOWN");
		assertThat(out.get("error").asString()).startsWith("the update of ci may have happened (");
	}

	@Test
	void conflictWhenAnotherWriterChangedTheRoles() {
		TokenRole other = TokenRole.deployment("dep-2", "DEPLOYMENT_ADMIN");
		unit.expectGet(CI);
		unit.expectGet(CI); // read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(CI);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).reply(new TokenRolesResult(null, null, null, null));
		unit.expectGet(TokenLogicUnitTest.withRoles(CI, List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"), other)));

		JsonNode out = json(update(null, "DEPLOYMENT_ADMIN"));

		assertThat(out.get("outcome").asString()).isEqualTo("CONFLICT");
		assertThat(out.get("error").asString()).startsWith("the roles of ci were changed by another writer meanwhile")
			.endsWith("DEPLOYMENT_ADMIN on DEPLOYMENT dep-2");
	}

	@Test
	void noChangeAndCanceledSendNothing() {
		unit.expectGet(CI).expectGet(CI);
		unit.prompter.reset();
		unit.prompter.expectConfirm(WriteText.rotateQuestion(CI), false);

		assertThat(json(update("ci", null)).get("outcome").asString()).isEqualTo("NO_CHANGE");
		assertThat(json(unit.rotate.run(new RotateToken.Options("t1", null, false, null))).get("outcome").asString())
			.isEqualTo("CANCELED");
		assertThat(api.calls()).as("reads only").allMatch(c -> c.startsWith("getToken"));
	}

	@Test
	void onlyACreateOrARotationCarriesTheSecretAsToken() {
		ApiToken rotated = new ApiToken("t1", "ci", "", TokenScope.DEPLOYMENT, "STANDARD", "xyz", null, null, null,
				null, null, null, null, null, null, CI.roles(), "eyJnew-secret");
		unit.expectGet(CI);
		api.expect("rotateToken", ORG, "t1").reply(rotated);

		WriteResult result = unit.rotate.run(new RotateToken.Options("t1", null, true, null));
		JsonNode out = json(result);

		assertThat(out.get("outcome").asString()).isEqualTo("DONE");
		assertThat(out.get("token").asString()).isEqualTo("eyJnew-secret");
		assertThat(result.toString()).as("never in a log line").doesNotContain("eyJ");
	}

	private WriteResult update(String newName, String role) {
		return unit.update.run(new TokenUpdate("t1", null, newName, null, role, null));
	}

	private JsonNode json(WriteResult result) {
		return json.readTree(unit.json(result));
	}

	private static String change(JsonNode out, int i) {
		JsonNode c = out.get("changes").get(i);
		return c.get("field").asString() + " " + c.get("before").asString() + " " + c.get("after").asString();
	}
}
