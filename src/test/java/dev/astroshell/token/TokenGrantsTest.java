package dev.astroshell.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.sandbox.SandboxServer.LoggedRequest;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.token.SandboxTokens.deploymentRole;
import static dev.astroshell.token.SandboxTokens.role;
import static dev.astroshell.token.SandboxTokens.roles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deployment token workspace-token … and organization-token … over the sandbox (docs/commands.md §2.2): where each
 * looks the token up, the role selector, and that every write is one E5 keeping the token's other roles.
 */
@ScriptedShellTest
class TokenGrantsTest {

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String STAGING = SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;

	static final String WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;

	static final String ML_WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_ML_ID;

	static final String ORG_TOKEN = SandboxSeed.TOKEN_ORG_AUTOMATION_ID;

	static final String BILLING = SandboxSeed.TOKEN_ORG_BILLING_ID;

	static final List<String> ROLES = List.of("DEPLOYMENT_ADMIN", SandboxSeed.ROLE_DAG_RUNNER,
			SandboxSeed.ROLE_DEPLOY_BOT);

	static final String NL = System.lineSeparator();

	static final String WS_AUTHOR_ROLE = "WORKSPACE_AUTHOR";

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

	// ---- workspace-token add

	@Test
	void workspaceAddByIdWithRoleKeepsEveryOtherRole() {
		Result r = shell.run("deployment token workspace-token add " + WS_TOKEN + " --role \"Deploy Bot\" --deployment-id "
				+ STAGING);

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Workspace API token Data Eng workspace token was successfully added to the Deployment" + NL
						+ "role: none -> Deploy Bot" + NL);
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
		assertThat(roles(fixture, WS_TOKEN)).containsExactly(
				role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID, WS_AUTHOR_ROLE),
				deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"), deploymentRole(STAGING, SandboxSeed.ROLE_DEPLOY_BOT));
	}

	@Test
	void workspaceAddByNameAsksForTheRoleWhenMissing() {
		// a deployment the session knows by ID only is named by its ID
		prompter.expectSelect("Role of `Data Eng workspace token` (Workspace API token) on " + STAGING, ROLES,
				SandboxSeed.ROLE_DAG_RUNNER);
		Result r = shell.run("deployment token workspace-token add -n \"Data Eng workspace token\" --deployment-id "
				+ STAGING);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).endsWith("role: none -> DAG_RUNNER" + NL);
		assertThat(prompter.shown().get(0).initial()).as("not the most powerful role, DEPLOYMENT_ADMIN")
			.isEqualTo(ROLES.indexOf(SandboxSeed.ROLE_DAG_RUNNER));
		assertThat(roles(fixture, WS_TOKEN)).contains(deploymentRole(STAGING, SandboxSeed.ROLE_DAG_RUNNER),
				role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID, WS_AUTHOR_ROLE));
	}

	@Test
	void workspaceAddBySelectionLooksAmongTheGivenWorkspacesTokens() {
		prompter.expectSelect("Please select the Workspace API token:", 0);
		Result r = shell.run("deployment token workspace-token add --workspace-id " + SandboxSeed.WORKSPACE_ML_ID
				+ " -r DEPLOYMENT_ADMIN");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).options()).singleElement().asString().contains("ML workspace", ML_WS_TOKEN);
		assertThat(fixture.server().requests()).extracting(LoggedRequest::query)
			.anySatisfy(q -> assertThat(q).contains("workspaceId=" + SandboxSeed.WORKSPACE_ML_ID));
		assertThat(writes()).containsExactly("POST " + rolesPath(ML_WS_TOKEN));
		assertThat(roles(fixture, ML_WS_TOKEN)).containsExactly(
				role("WORKSPACE", SandboxSeed.WORKSPACE_ML_ID, "WORKSPACE_OPERATOR"),
				deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void workspaceAddByIdOfAnotherWorkspacesTokenIsRefused() {
		Result r = shell.run("deployment token workspace-token add " + ML_WS_TOKEN + " -r DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("does not belong to the workspace " + SandboxSeed.WORKSPACE_DATA_ID);
		assertThat(writes()).isEmpty();
	}

	@Test
	void aRoleEqualToTheCurrentOneIsNotAnErrorAndWritesNothing() {
		Result add = shell.run("deployment token workspace-token add " + WS_TOKEN + " -r DEPLOYMENT_ADMIN");
		assertThat(add.exitCode()).as(add.err()).isZero();
		assertThat(add.out()).isEqualTo("Astro Workspace API token Data Eng workspace token: nothing to change "
				+ "(its role on the Deployment is already DEPLOYMENT_ADMIN)" + NL);

		Result update = shell.run("deployment token organization-token update " + ORG_TOKEN + " -r \"Deploy Bot\"");
		assertThat(update.exitCode()).as(update.err()).isZero();
		assertThat(update.out()).isEqualTo("Astro Organization API token Org automation: nothing to change "
				+ "(its role on the Deployment is already Deploy Bot)" + NL);
		assertThat(writes()).isEmpty();
	}

	@Test
	void anEmptyRoleNeverRemovesARole() {
		for (String line : List.of("deployment token workspace-token add " + WS_TOKEN + " --role \"\"",
				"deployment token workspace-token update " + WS_TOKEN + " --role=",
				"deployment token organization-token update " + ORG_TOKEN + " -r \"  \"",
				"deployment token organization-token add " + ORG_TOKEN + " --role \"\"")) {
			Result r = shell.run(line);
			assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).as(line).contains("role cannot be empty");
		}
		assertThat(writes()).isEmpty();
		assertThat(roles(fixture, WS_TOKEN)).contains(deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"));
		assertThat(roles(fixture, ORG_TOKEN)).contains(deploymentRole(ETL_PROD, SandboxSeed.ROLE_DEPLOY_BOT));
	}

	@Test
	void anInvalidRoleFailsBeforeAnyWriteListingTheValidOnes() {
		Result r = shell.run("deployment token workspace-token update " + WS_TOKEN + " -r WORKSPACE_AUTHOR");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("WORKSPACE_AUTHOR", "DEPLOYMENT_ADMIN", "DAG_RUNNER", "Deploy Bot");
		assertThat(writes()).isEmpty();
	}

	@Test
	void nonInteractiveWithoutRoleFailsNamingRole() {
		prompter.nonInteractive();
		for (String line : List.of("deployment token workspace-token add " + WS_TOKEN + " --deployment-id " + STAGING,
				"deployment token workspace-token update " + WS_TOKEN,
				"deployment token organization-token add " + BILLING,
				"deployment token organization-token update " + ORG_TOKEN)) {
			Result r = shell.run(line);
			assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).as(line).contains("--role");
		}
		assertThat(writes()).isEmpty();
	}

	@Test
	void aTokenOfTheWrongScopeIsATypeError() {
		String equipe = "\"Équipe données\" is a Deployment API token";
		String org = "\"Org automation\" is an Organization API token";
		String ws = "\"Data Eng workspace token\" is a Workspace API token";
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("workspace-token add " + SandboxSeed.TOKEN_EQUIPE_ID + " -r DEPLOYMENT_ADMIN",
				equipe + "; 'deployment token workspace-token add' takes Workspace API tokens only");
		refusals.put("workspace-token update " + ORG_TOKEN + " -r DEPLOYMENT_ADMIN",
				org + "; use 'deployment token organization-token update'");
		refusals.put("workspace-token remove " + ORG_TOKEN, org + "; use 'deployment token organization-token remove'");
		refusals.put("organization-token add " + WS_TOKEN + " -r DEPLOYMENT_ADMIN",
				ws + "; use 'deployment token workspace-token add'");
		refusals.put("organization-token update " + SandboxSeed.TOKEN_EQUIPE_ID + " -r DEPLOYMENT_ADMIN",
				equipe + "; use 'deployment token update'");
		refusals.put("organization-token remove " + WS_TOKEN, ws + "; use 'deployment token workspace-token remove'");
		refusals.forEach((line, why) -> {
			Result r = shell.run("deployment token " + line);
			assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).as(line)
				.isEqualTo("Error: the token selected is not of the type you are trying to modify: " + why + NL);
		});
		assertThat(writes()).isEmpty();
	}

	@Test
	void unknownNamesAndIds() {
		Result ws = shell.run("deployment token workspace-token add -n Nobody -r DEPLOYMENT_ADMIN");
		assertThat(ws.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(ws.err()).isEqualTo("Error: no Workspace API token was found for the API token name you provided" + NL);
		Result org = shell.run("deployment token organization-token update --org-token-name Nobody -r DEPLOYMENT_ADMIN");
		assertThat(org.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(org.err())
			.isEqualTo("Error: no Organization API token was found for the API token name you provided" + NL);
		Result id = shell.run("deployment token workspace-token remove clnosuchtoken0000000000000");
		assertThat(id.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(id.err()).startsWith("Error: no API token with the ID clnosuchtoken0000000000000");
		assertThat(writes()).isEmpty();
	}

	// ---- workspace-token update

	@Test
	void workspaceUpdateByIdOffersTheRoleSelectorWithTheCurrentRoleFirstAndKeepsOtherRoles() {
		prompter.expectSelect("Role of `Data Eng workspace token` (Workspace API token) on etl-prod",
				List.of("DEPLOYMENT_ADMIN (current)", SandboxSeed.ROLE_DAG_RUNNER, SandboxSeed.ROLE_DEPLOY_BOT),
				SandboxSeed.ROLE_DEPLOY_BOT);
		Result r = shell.run("deployment token workspace-token update " + WS_TOKEN);

		prompter.verifyAllConsumed();
		assertThat(prompter.shown().get(0).initial()).isZero();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Workspace API token Data Eng workspace token was successfully updated on the Deployment" + NL
						+ "role: DEPLOYMENT_ADMIN -> Deploy Bot" + NL);
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
		assertThat(roles(fixture, WS_TOKEN)).containsExactly(
				role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID, WS_AUTHOR_ROLE),
				deploymentRole(ETL_PROD, SandboxSeed.ROLE_DEPLOY_BOT));
	}

	@Test
	void workspaceUpdateByNameAndBySelectionLookAmongTheDeploymentsWorkspaceTokens() {
		Result byName = shell.run("deployment token workspace-token update --workspace-token-name "
				+ "\"Data Eng workspace token\" -r DAG_RUNNER");
		assertThat(byName.exitCode()).as(byName.err()).isZero();
		assertThat(roles(fixture, WS_TOKEN)).contains(deploymentRole(ETL_PROD, SandboxSeed.ROLE_DAG_RUNNER));

		fixture.clearRequests();
		prompter.expectSelect("Please select the Workspace API token:", 0);
		Result bySelection = shell.run("deployment token workspace-token update -r DEPLOYMENT_ADMIN");
		prompter.verifyAllConsumed();
		assertThat(bySelection.exitCode()).as(bySelection.err()).isZero();
		assertThat(prompter.shown().get(0).options()).singleElement().asString().contains(WS_TOKEN);
		assertThat(fixture.server().requests()).extracting(LoggedRequest::query)
			.anySatisfy(q -> assertThat(q).contains("deploymentId=" + ETL_PROD));
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
	}

	@Test
	void workspaceUpdateOfATokenWithoutARoleOnTheDeploymentIsRefused() {
		Result byId = shell.run("deployment token workspace-token update " + ML_WS_TOKEN + " -r DEPLOYMENT_ADMIN");
		assertThat(byId.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(byId.err()).contains("does not belong to the deployment " + ETL_PROD);
		Result byName = shell.run("deployment token workspace-token update -n \"ML workspace\" -r DEPLOYMENT_ADMIN");
		assertThat(byName.err()).contains("no Workspace API token was found");
		assertThat(writes()).isEmpty();
	}

	// ---- workspace-token remove

	@Test
	void workspaceRemoveByIdDropsOnlyTheRoleOnTheDeployment() {
		Result r = shell.run("deployment token workspace-token remove " + WS_TOKEN + " --force");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Workspace API token Data Eng workspace token was successfully removed from the Deployment" + NL);
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
		assertThat(roles(fixture, WS_TOKEN)).containsExactly(
				role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID, WS_AUTHOR_ROLE));
	}

	@Test
	void removeAsksAsDeleteDoesForTheSameToken() {
		String question = "The Workspace API token Data Eng workspace token will lose its role DEPLOYMENT_ADMIN on this "
				+ "Deployment; its other roles are kept.\nAre you sure you want to remove it from the Deployment?";
		prompter.expectConfirm(question, false);
		Result declined = shell.run("deployment token workspace-token remove " + WS_TOKEN);
		assertThat(declined.exitCode()).isZero();
		assertThat(declined.out()).isEqualTo("Canceling API Token removal" + NL);

		prompter.expectConfirm(question.replace("Workspace API token Data Eng workspace token",
				"Organization API token Org automation").replace("DEPLOYMENT_ADMIN", SandboxSeed.ROLE_DEPLOY_BOT), false);
		Result declinedOrg = shell.run("deployment token organization-token remove " + ORG_TOKEN);
		assertThat(declinedOrg.out()).isEqualTo("Canceling API Token removal" + NL);
		prompter.verifyAllConsumed();

		prompter.nonInteractive();
		Result oneShot = shell.run("deployment token workspace-token remove " + WS_TOKEN);
		assertThat(oneShot.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(oneShot.err()).isEqualTo("Error: confirmation needed: pass --force to remove without asking" + NL);
		assertThat(writes()).isEmpty();

		Result forced = shell.run("deployment token workspace-token remove " + WS_TOKEN + " -f");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
	}

	@Test
	void workspaceRemoveByNameAndBySelection() {
		shell.run("deployment token workspace-token add " + WS_TOKEN + " -r DAG_RUNNER --deployment-id " + STAGING);
		fixture.clearRequests();

		Result byName = shell.run("deployment token workspace-token remove -n \"Data Eng workspace token\" --force");
		assertThat(byName.exitCode()).as(byName.err()).isZero();
		assertThat(roles(fixture, WS_TOKEN)).doesNotContain(deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"))
			.contains(deploymentRole(STAGING, SandboxSeed.ROLE_DAG_RUNNER));

		fixture.clearRequests();
		prompter.expectSelect("Please select the Workspace API token:", 0);
		Result bySelection = shell.run("deployment token workspace-token remove --deployment-id " + STAGING + " --force");
		prompter.verifyAllConsumed();
		assertThat(bySelection.exitCode()).as(bySelection.err()).isZero();
		assertThat(writes()).containsExactly("POST " + rolesPath(WS_TOKEN));
		assertThat(roles(fixture, WS_TOKEN)).containsExactly(
				role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID, WS_AUTHOR_ROLE));
	}

	@Test
	void workspaceRemoveOfATokenWithoutARoleOnTheDeploymentIsRefused() {
		String otherWorkspace = " --workspace-id " + SandboxSeed.WORKSPACE_ML_ID;
		Result byId = shell.run("deployment token workspace-token remove " + ML_WS_TOKEN + otherWorkspace);
		assertThat(byId.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(byId.err()).contains("does not belong to the deployment " + ETL_PROD);
		Result byName = shell.run("deployment token workspace-token remove -n \"ML workspace\"" + otherWorkspace);
		assertThat(byName.exitCode()).as("not among the deployment's tokens: not found").isEqualTo(ExitCodes.FAILURE);
		assertThat(byName.err()).contains("no Workspace API token was found");
		assertThat(writes()).isEmpty();
	}

	// ---- organization-token

	@Test
	void organizationAddByNameLooksAmongTheOrganizationsTokensAndKeepsOtherRoles() {
		Result r = shell.run("deployment token organization-token add --org-token-name \"Billing export\" -r DAG_RUNNER");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Organization API token Billing export was successfully added to the Deployment" + NL
						+ "role: none -> DAG_RUNNER" + NL);
		assertThat(fixture.server().requests()).extracting(LoggedRequest::query)
			.anySatisfy(q -> assertThat(q).contains("includeOnlyOrganizationTokens=true"));
		assertThat(writes()).containsExactly("POST " + rolesPath(BILLING));
		assertThat(roles(fixture, BILLING)).containsExactly(
				role("ORGANIZATION", SandboxSeed.ORGANIZATION_ID, "ORGANIZATION_BILLING_ADMIN"),
				deploymentRole(ETL_PROD, SandboxSeed.ROLE_DAG_RUNNER));
	}

	@Test
	void organizationAddBySelectionThenRoleSelection() {
		prompter.expectSelect("Please select the Organization API token:", 0)
			.expectSelect("Role of `Billing export` (Organization API token) on etl-prod", ROLES, "DEPLOYMENT_ADMIN");
		Result r = shell.run("deployment token organization-token add");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> options = prompter.shown().get(0).options();
		assertThat(options.get(0)).contains("Billing export", BILLING);
		assertThat(String.join("\n", options)).contains("Org automation").doesNotContain("Data Eng", "Équipe");
		assertThat(roles(fixture, BILLING)).contains(deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void organizationUpdateByIdKeepsItsOtherDeploymentRole() {
		Result r = shell.run("deployment token organization-token update " + ORG_TOKEN + " --role DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).endsWith("role: Deploy Bot -> DEPLOYMENT_ADMIN" + NL);
		assertThat(writes()).containsExactly("POST " + rolesPath(ORG_TOKEN));
		assertThat(roles(fixture, ORG_TOKEN)).containsExactly(
				role("ORGANIZATION", SandboxSeed.ORGANIZATION_ID, "ORGANIZATION_MEMBER"),
				deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"),
				deploymentRole(SandboxSeed.DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void organizationUpdateBySelectionOffersOnlyTheDeploymentsOrganizationTokens() {
		prompter.expectSelect("Please select the Organization API token:", 0)
			.expectSelect("Role of `Org automation` (Organization API token) on etl-prod",
					List.of("DEPLOYMENT_ADMIN", SandboxSeed.ROLE_DAG_RUNNER, "Deploy Bot (current)"),
					SandboxSeed.ROLE_DAG_RUNNER);
		Result r = shell.run("deployment token organization-token update");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).options()).singleElement().asString().contains("Org automation");
		assertThat(prompter.shown().get(1).initial()).isEqualTo(2);
		assertThat(roles(fixture, ORG_TOKEN)).contains(deploymentRole(ETL_PROD, SandboxSeed.ROLE_DAG_RUNNER));
	}

	@Test
	void organizationRemoveByNameKeepsEveryOtherRole() {
		Result r = shell.run("deployment token organization-token remove -n \"Org automation\" --force");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Organization API token Org automation was successfully removed from the Deployment" + NL);
		assertThat(writes()).containsExactly("POST " + rolesPath(ORG_TOKEN));
		assertThat(roles(fixture, ORG_TOKEN)).containsExactly(
				role("ORGANIZATION", SandboxSeed.ORGANIZATION_ID, "ORGANIZATION_MEMBER"),
				deploymentRole(SandboxSeed.DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void organizationRemoveByIdAndOfATokenWithoutARole() {
		Result r = shell.run("deployment token organization-token remove " + ORG_TOKEN + " --force");
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(writes()).containsExactly("POST " + rolesPath(ORG_TOKEN));

		fixture.clearRequests();
		Result without = shell.run("deployment token organization-token remove " + BILLING + " --force");
		assertThat(without.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(without.err()).contains("does not belong to the deployment");
		assertThat(writes()).isEmpty();
	}

	// ---- lists

	@Test
	void listsShowOnlyTheirKindInATableOrAsTheApisJson() throws Exception {
		Result table = shell.run("deployment token workspace-token list");
		assertThat(table.exitCode()).isZero();
		List<String> lines = table.out().lines().toList();
		assertThat(lines.get(0)).startsWith("ID").contains("NAME", "DESCRIPTION", "SCOPE", "DEPLOYMENT ROLE", "CREATED",
				"CREATED BY");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains(WS_TOKEN, "Data Eng workspace token", "WORKSPACE", "DEPLOYMENT_ADMIN",
				"20 days ago", "Ada Lovelace");

		Result orgTable = shell.run("deployment token organization-token list");
		assertThat(orgTable.out().lines().toList()).hasSize(2);
		assertThat(orgTable.out()).contains(ORG_TOKEN, "Deploy Bot").doesNotContain(BILLING, WS_TOKEN);

		for (String line : List.of("deployment token workspace-token list -o json",
				"deployment token workspace-token list --json", "deployment token workspace-token list --output=json",
				"de to workspace-token ls --json")) {
			Result r = shell.run(line);
			assertThat(r.exitCode()).as(line).isZero();
			JsonNode tokens = json.readTree(r.out());
			assertThat(tokens.isArray()).as(line).isTrue();
			assertThat(tokens.size()).isEqualTo(1);
			JsonNode t = tokens.get(0);
			assertThat(t.get("id").asString()).isEqualTo(WS_TOKEN);
			assertThat(t.get("scope").asString()).isEqualTo("WORKSPACE");
			assertThat(t.has("createdAt") && t.has("shortToken") && t.has("createdBy")).isTrue();
			assertThat(t.get("roles").get(1).get("entityType").asString()).isEqualTo("DEPLOYMENT");
			assertThat(t.get("roles").get(1).get("entityId").asString()).isEqualTo(ETL_PROD);
			assertThat(t.has("token")).as("no secret").isFalse();
		}

		JsonNode orgs = json.readTree(shell.run("deployment token organization-token list -o json").out());
		assertThat(orgs.size()).isEqualTo(1);
		assertThat(orgs.get(0).get("name").asString()).isEqualTo("Org automation");

		Result bad = shell.run("deployment token organization-token list -o yaml");
		assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(writes()).isEmpty();
	}

	private List<String> writes() {
		return fixture.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
	}

	private static String rolesPath(String tokenId) {
		return "/v1/organizations/" + SandboxTokens.ORG + "/tokens/" + tokenId + "/roles";
	}
}
