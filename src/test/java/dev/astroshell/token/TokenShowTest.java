package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_ORG_AUTOMATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_WORKSPACE_DATA_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code token show} over the sandbox: a token of each kind, by ID, by name, picked; as text and JSON. */
@ScriptedShellTest
class TokenShowTest {

	static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	@AfterEach
	void everyPromptWasAnswered() {
		prompter.verifyAllConsumed();
	}

	@Test
	void aDeploymentTokenByIdShowsEveryFieldAndItsRolesByName() {
		Result r = shell.run("token show " + TOKEN_EQUIPE_ID);

		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).isEqualTo("Équipe données (" + TOKEN_EQUIPE_ID + ")");
		assertThat(lines).contains("type:          Deployment API token, STANDARD",
				"scope:         deployment etl-prod", "description:   Accès de l'équipe données",
				"roles:         DAG_RUNNER on deployment etl-prod",
				"               DAG_AUTHOR on DAG tag finance in etl-prod", "last used:     never",
				"last rotated:  never", "expires:       never");
		assertThat(lines).anyMatch(
				l -> l.matches("created: +3 days ago \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\) by Grace Hopper"));
		assertThat(lines).anyMatch(l -> l.startsWith("last updated:  3 days ago"));
		assertThat(fixture.requests()).as("E3, then the deployments for their names")
			.containsExactly("GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "GET /v1/organizations/" + ORGANIZATION_ID + "/deployments");
	}

	@Test
	void anOrganizationTokenByNameShowsItsRolesOnEveryEntity() {
		Result r = shell.run("token show --name \"Org automation\"");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).contains("type:          Organization API token", "scope:         organization Sandbox Org",
				"roles:         ORGANIZATION_MEMBER on organization Sandbox Org",
				"Deploy Bot on deployment etl-prod", "DEPLOYMENT_ADMIN on deployment ml-dev");
		assertThat(fixture.requests()).as("E1 of every token, then E3").startsWith("GET " + TOKENS,
				"GET " + TOKENS + "/" + TOKEN_ORG_AUTOMATION_ID);
	}

	@Test
	void aWorkspaceTokenAsJsonHasTheApiFieldsAndTheNames() {
		Result r = shell.run("token show " + TOKEN_WORKSPACE_DATA_ID + " -o json");

		assertThat(r.exitCode()).as(r.err()).isZero();
		JsonNode token = json.readTree(r.out());
		assertThat(token.get("id").asString()).isEqualTo(TOKEN_WORKSPACE_DATA_ID);
		assertThat(token.get("scope").asString()).isEqualTo("WORKSPACE");
		assertThat(token.get("scopeEntityName").asString()).isEqualTo("Data Engineering");
		assertThat(token.has("createdAt") && token.has("createdBy") && token.has("shortToken")).isTrue();
		assertThat(token.has("token")).as("never a secret").isFalse();
		assertThat(token.get("roles").get(1).get("entityId").asString()).isEqualTo(DEPLOYMENT_ETL_PROD_ID);
		assertThat(token.get("roles").get(1).get("entityName").asString()).isEqualTo("etl-prod");
	}

	@Test
	void inTheReplNothingGivenPicksAmongEveryTokenOfTheOrganization() {
		prompter.expectSelect("Please select the API token:", 0);

		Result r = shell.run("token show");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).options()).hasSizeGreaterThan(10)
			.as("each row says the token's scope")
			.anyMatch(row -> row.contains("Org automation") && row.contains("ORGANIZATION"))
			.anyMatch(row -> row.contains("Data Eng workspace token") && row.contains("WORKSPACE"));
		assertThat(r.out()).contains("type:");
	}

	@Test
	void oneShotWithNothingGivenNamesTheFlagAndAnUnknownNameIsExit1() {
		prompter.nonInteractive();
		Result none = shell.run("token show");
		assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(none.errLines()).containsExactly("Error: no API token given: pass TOKEN_ID or --name");

		Result unknown = shell.run("token show --name nobody");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(unknown.errLines()).containsExactly(
				"Error: no API token was found for the API token name you provided");
	}

	@Test
	void tabCompletesTheNamesAndIdsOfEveryKind() {
		assertThat(shell.complete("token show --name ")).contains("Org automation", "Data Eng workspace token",
				"Équipe données");
		assertThat(shell.complete("token show ")).contains(TOKEN_EQUIPE_ID, TOKEN_ORG_AUTOMATION_ID);
	}

}
