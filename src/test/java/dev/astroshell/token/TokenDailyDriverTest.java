package dev.astroshell.token;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static dev.astroshell.token.SandboxTokens.deploymentRole;
import static dev.astroshell.token.SandboxTokens.roles;
import static dev.astroshell.token.SandboxTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token commands as typed in an interactive shell over the sandbox, for what a daily user notices: an expired
 * token marked in the list, a rename that does not ask for a role, IDs pasted in upper case, and an update or grant
 * that changes nothing costing no write. The scripted prompter fails on any prompt a test did not expect.
 */
@ScriptedShellTest
class TokenDailyDriverTest {

	static final String NL = System.lineSeparator();

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	@Test
	void listMarksAnExpiredTokenInTheTableButNotInJson() {
		String mlProd = " --deployment-id " + SandboxSeed.DEPLOYMENT_ML_PROD_ID;
		Result table = shell.run("deployment token list" + mlProd);
		assertThat(table.exitCode()).as(table.err()).isZero();
		assertThat(table.out().lines()).filteredOn(l -> l.contains(SandboxSeed.TOKEN_ML_PROD_EXPIRED_ID))
			.singleElement().asString().contains("ml-prod deployer (expired)");

		Result json = shell.run("deployment token list -o json" + mlProd);
		assertThat(json.out()).contains("\"name\" : \"ml-prod deployer\",").doesNotContain("(expired)");

		Result current = shell.run("deployment token list");
		assertThat(current.out()).as("etl-prod's tokens have not expired").doesNotContain("(expired)");
	}

	@Test
	void aRenameInTheShellKeepsTheRoleWithoutAsking() {
		Result r = shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --new-name \"CI main\"");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Deployment API token CI main was successfully updated" + NL
				+ "name: Ci Deploy Token -> CI main" + NL);
		assertThat(prompter.shown()).as("no role selector").isEmpty();
		assertThat(fixture.requests()).as("E3, E1 for namesakes and E4: no roles list, no E5").containsExactly(
				"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + TOKENS, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		assertThat(token(fixture, TOKEN_CI_DEPLOY_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	@Test
	void upperCaseIdsFindTheTokenAndTheDeployment() {
		Result r = shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID.toUpperCase(Locale.ROOT)
				+ " --deployment-id " + ETL_PROD.toUpperCase(Locale.ROOT) + " -d \"Deploys etl-prod\"");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).endsWith("description: Deploys etl-prod from CI -> Deploys etl-prod" + NL);
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID,
				"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
	}

	@Test
	void anUpdateThatChangesNothingSaysSoAndWritesNothing() {
		Result r = shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID
				+ " --name \"Ci Deploy Token\" --new-name \"Ci Deploy Token\" --role DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Deployment API token Ci Deploy Token: nothing to change" + NL);
		assertThat(fixture.requests()).as("E3 only").containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
	}

	@Test
	void addingADifferentRoleToAnAttachedWorkspaceTokenSaysUpdated() {
		String ws = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;
		Result r = shell.run("deployment token workspace-token add " + ws + " --role \"Deploy Bot\"");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Workspace API token Data Eng workspace token was successfully updated on "
				+ "the Deployment" + NL + "role: DEPLOYMENT_ADMIN -> Deploy Bot" + NL);
		assertThat(fixture.requests()).filteredOn(req -> req.startsWith("POST"))
			.containsExactly("POST " + TOKENS + "/" + ws + "/roles");
		assertThat(roles(fixture, ws)).contains(deploymentRole(ETL_PROD, "Deploy Bot"));
	}
}
