package dev.astroshell.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.token.SandboxTokens.role;
import static dev.astroshell.token.SandboxTokens.roles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * workspace token … over the sandbox, one-shot as a script runs it (docs/commands.md §5): the same use cases as the
 * deployment's, on the workspace's roles.
 */
@ScriptedShellTest
class WorkspaceTokenCommandsTest {

	static final String NL = System.lineSeparator();

	static final String DATA = SandboxSeed.WORKSPACE_DATA_ID;

	static final String WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;

	static final String WS_TOKEN_NAME = "Data Eng workspace token";

	static final String ORG_PIPELINE = SandboxSeed.TOKEN_ORG_PIPELINE_ID;

	static final List<String> ROLES = List.of("WORKSPACE_MEMBER", "WORKSPACE_AUTHOR", "WORKSPACE_OPERATOR",
			"WORKSPACE_OWNER", "WORKSPACE_ACCESSOR", SandboxSeed.ROLE_WORKSPACE_AUDITOR);

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

	@Test
	void listShowsTheTokensWithARoleOnTheWorkspaceAndTheirRoleThere() {
		Result r = shell.run("workspace token list");

		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).contains("WORKSPACE ROLE").doesNotContain("DEPLOYMENT ROLE");
		assertThat(r.out()).contains(WS_TOKEN, "Data Eng owner", "Org pipeline")
			.doesNotContain(SandboxSeed.TOKEN_CI_DEPLOY_ID, SandboxSeed.TOKEN_WORKSPACE_ML_ID);
		assertThat(lines.stream().filter(l -> l.contains(ORG_PIPELINE))).singleElement()
			.asString()
			.contains("ORGANIZATION", "WORKSPACE_OPERATOR");

		JsonNode ml = json.readTree(shell.run("workspace token list --workspace-id \"Machine Learning\" -o json").out());
		assertThat(ml.valueStream().map(t -> t.get("id").asString())).containsExactly(SandboxSeed.TOKEN_WORKSPACE_ML_ID);
	}

	@Test
	void theListsHaveExpiresAndExpiringWithinAndEndWithTheFooter() {
		assertThat(shell.run("workspace token create -n soon -r WORKSPACE_MEMBER -e 3").exitCode()).isZero();

		Result r = shell.run("workspace token list --expiring-within 7");

		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).contains("WORKSPACE ROLE", "EXPIRES");
		assertThat(lines).as("the header, the one token expiring within a week, the footer").hasSize(3);
		assertThat(lines.get(1)).contains("soon", "WORKSPACE_MEMBER").as("3 days less the moments since").containsPattern("  in [23] days  ");
		assertThat(lines.get(2)).isEqualTo("1 token expires within 7 days");
		assertThat(shell.run("workspace token list --expiring-within 7 -o json").out()).doesNotContain("expire within");

		assertThat(shell.run("workspace token organization-token list").out()).contains("EXPIRES", "Org pipeline");
		assertThat(shell.run("workspace token organization-token list --expiring-within 3650").out().lines())
			.as("Org pipeline never expires").singleElement().asString().contains("EXPIRES");

		Result negative = shell.run("workspace token list --expiring-within -2");
		assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(negative.errLines())
			.containsExactly("Error: invalid --expiring-within -2: use a number of days, 0 or more");
	}

	@Test
	void createGivesTheNewTokenItsRoleOnTheWorkspaceAndPrintsTheSecretOnly() {
		Result r = shell.run("workspace token create -n ci -d \"CI runs\" -r WORKSPACE_OPERATOR -e 30 --clean-output");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).startsWith("eyJ").doesNotContain(" ");
		assertThat(SandboxTokens.statusWith(fixture, r.out().strip())).isEqualTo(200);
		ApiToken created = named("ci");
		assertThat(created.name()).isEqualTo("ci");
		assertThat(created.roles()).containsExactly(role("WORKSPACE", DATA, "WORKSPACE_OPERATOR"));
		assertThat(created.expiryPeriodInDays()).isEqualTo(30);
	}

	@Test
	void createWithARoleOfAnotherKindOfEntityIsRefusedBeforeAnyWrite() {
		Result r = shell.run("workspace token create -n ci -r DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo("Error: invalid role 'DEPLOYMENT_ADMIN': use one of " + String.join(", ", ROLES)
				+ NL);
		assertThat(writes()).isEmpty();
	}

	@Test
	void createDryRunSendsNothingAndJsonSaysWhatWouldBeSent() {
		Result r = shell.run("workspace token create -n ci -r WORKSPACE_MEMBER --dry-run -o json");

		assertThat(r.exitCode()).as(r.err()).isZero();
		JsonNode preview = json.readTree(r.out());
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("workspace").asString()).isEqualTo(SandboxSeed.WORKSPACE_DATA_NAME);
		assertThat(preview.get("requests").get(0).get("body").get("scope").asString()).isEqualTo("WORKSPACE");
		assertThat(preview.get("requests").get(0).get("body").get("entityId").asString()).isEqualTo(DATA);
		assertThat(writes()).isEmpty();
	}

	// ---- update's four forms

	@Test
	void updateByIdWithEverythingGivenAsksNothing() {
		prompter.nonInteractive();
		Result r = shell.run("workspace token update " + WS_TOKEN + " -n renamed -d new -r WORKSPACE_OPERATOR");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Workspace API token renamed was successfully updated" + NL
				+ "name: " + WS_TOKEN_NAME + " -> renamed" + NL + "description: Workspace automation -> new" + NL
				+ "role: WORKSPACE_AUTHOR -> WORKSPACE_OPERATOR" + NL);
		assertThat(roles(fixture, WS_TOKEN)).as("its deployment role kept")
			.containsExactly(role("WORKSPACE", DATA, "WORKSPACE_OPERATOR"),
					SandboxTokens.deploymentRole(SandboxFixture.ETL_PROD, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void updateByIdAsksForTheRoleWithTheWorkspacesRoles() {
		prompter.expectSelect("Role of `" + WS_TOKEN_NAME + "` (Workspace API token) on "
				+ SandboxSeed.WORKSPACE_DATA_NAME, ROLES.stream()
					.map(r -> r.equals("WORKSPACE_AUTHOR") ? r + " (current)" : r)
					.toList(), "WORKSPACE_MEMBER");
		Result r = shell.run("workspace token update " + WS_TOKEN);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).endsWith("role: WORKSPACE_AUTHOR -> WORKSPACE_MEMBER" + NL);
		assertThat(roles(fixture, WS_TOKEN)).contains(role("WORKSPACE", DATA, "WORKSPACE_MEMBER"));
	}

	@Test
	void updateByNameAsksForTheRole() {
		prompter.expectSelect("Role of `Data Eng reader` (Workspace API token) on " + SandboxSeed.WORKSPACE_DATA_NAME,
				3);
		Result r = shell.run("workspace token update --name \"Data Eng reader\"");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(roles(fixture, SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID))
			.containsExactly(role("WORKSPACE", DATA, "WORKSPACE_OWNER"));
	}

	@Test
	void updateWithNothingGivenPicksTheTokenThenTheRole() {
		prompter.expectSelect("Please select the Workspace API token:", 0);
		prompter.expectSelect("Role of `Data Eng owner` (Workspace API token) on " + SandboxSeed.WORKSPACE_DATA_NAME,
				0);
		Result r = shell.run("workspace token update");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).options()).hasSize(3)
			.noneMatch(o -> o.contains("Org pipeline") || o.contains("ML workspace"));
		assertThat(roles(fixture, SandboxSeed.TOKEN_WORKSPACE_DATA_OWNER_ID))
			.containsExactly(role("WORKSPACE", DATA, "WORKSPACE_MEMBER"));
	}

	@Test
	void updateDryRunAndJson() {
		Result dry = shell.run("workspace token update " + WS_TOKEN + " -r WORKSPACE_OWNER --dry-run");
		assertThat(dry.exitCode()).as(dry.err()).isZero();
		assertThat(dry.out()).startsWith("Astro Workspace API token " + WS_TOKEN_NAME + " (" + WS_TOKEN
				+ ") would be updated (dry run: nothing was sent)" + NL + "role: WORKSPACE_AUTHOR -> WORKSPACE_OWNER on "
				+ SandboxSeed.WORKSPACE_DATA_NAME + NL);
		assertThat(writes()).isEmpty();

		JsonNode done = json.readTree(shell.run("workspace token update " + WS_TOKEN + " -r WORKSPACE_OWNER -o json")
			.out());
		assertThat(done.get("outcome").asString()).isEqualTo("DONE");
		assertThat(done.get("changes").get(0).get("after").asString()).isEqualTo("WORKSPACE_OWNER");
	}

	@Test
	void aRoleChangeWhoseAnswerIsLostIsReadBackAndSaidDone() {
		loseTheNextAnswerOf("/roles");

		JsonNode r = json.readTree(shell.run("workspace token update " + WS_TOKEN + " -r WORKSPACE_MEMBER -o json")
			.out());

		assertThat(r.get("outcome").asString()).isEqualTo("DONE_CONFIRMED_AFTER_LOST_ANSWER");
		assertThat(r.get("readBack").get(0).asString()).isEqualTo(LostAnswer.CONFIRMED_NOTE);
		String path = "POST /v1/organizations/" + SandboxTokens.ORG + "/tokens/" + WS_TOKEN;
		assertThat(writes()).as("E4, then E5 once, never again").containsExactly(path, path + "/roles");
		assertThat(roles(fixture, WS_TOKEN)).contains(role("WORKSPACE", DATA, "WORKSPACE_MEMBER"));
	}

	@Test
	void aCreateWhoseAnswerIsLostNamesTheWorkspaceRotateToGetASecret() {
		loseTheNextAnswerOf("/tokens");

		Result r = shell.run("workspace token create -n lost -r WORKSPACE_MEMBER");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		String id = named("lost").id();
		assertThat(r.err()).startsWith("Error: the token lost was created (" + id + "; the answer was lost")
			.endsWith("get a new one with 'workspace token rotate " + id + "'" + NL);
	}

	@Test
	void aTokenOfAnotherScopeNamesTheCommandOfItsFamily() {
		Result deploymentToken = shell.run("workspace token update " + SandboxSeed.TOKEN_CI_DEPLOY_ID + " -r "
				+ "WORKSPACE_MEMBER");
		assertThat(deploymentToken.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(deploymentToken.err()).endsWith("is a Deployment API token; use 'deployment token update'" + NL);

		Result orgToken = shell.run("workspace token delete " + ORG_PIPELINE + " --force");
		assertThat(orgToken.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(orgToken.err())
			.endsWith("is an Organization API token; use 'workspace token organization-token remove'" + NL);

		Result fromDeployment = shell.run("deployment token update " + WS_TOKEN + " -r DEPLOYMENT_ADMIN");
		assertThat(fromDeployment.err()).endsWith("is a Workspace API token; use 'workspace token update'" + NL);
		assertThat(writes()).isEmpty();
	}

	@Test
	void rotateAndDelete() {
		Result rotated = shell.run("workspace token rotate --name \"Data Eng reader\" --force --clean-output");
		assertThat(rotated.exitCode()).as(rotated.err()).isZero();
		assertThat(rotated.out()).startsWith("eyJ");
		assertThat(SandboxTokens.statusWith(fixture, rotated.out().strip())).isEqualTo(200);

		Result deleted = shell.run("workspace token delete " + SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID + " -f");
		assertThat(deleted.exitCode()).as(deleted.err()).isZero();
		assertThat(deleted.out()).isEqualTo("Astro Workspace API token Data Eng reader was successfully deleted" + NL);
		assertThat(SandboxTokens.isGone(fixture, SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID)).isTrue();
	}

	@Test
	void tabOffersTheWorkspacesOwnTokensAndTheWorkspaceRoles() {
		assertThat(shell.complete("workspace token update --name ")).containsExactlyInAnyOrder(WS_TOKEN_NAME,
				"Data Eng owner", "Data Eng reader");
		assertThat(shell.complete("workspace token rotate ")).contains(WS_TOKEN,
				SandboxSeed.TOKEN_WORKSPACE_DATA_OWNER_ID).doesNotContain(ORG_PIPELINE, SandboxSeed.TOKEN_CI_DEPLOY_ID);
		assertThat(shell.complete("workspace token delete --workspace-id " + SandboxSeed.WORKSPACE_ML_ID + " -t "))
			.containsExactly("ML workspace");
		assertThat(shell.complete("workspace token create --role ")).containsExactlyElementsOf(ROLES);
		assertThat(shell.complete("workspace token organization-token update ")).contains(ORG_PIPELINE)
			.doesNotContain(WS_TOKEN, SandboxSeed.TOKEN_ORG_BILLING_ID);
		assertThat(shell.complete("workspace token add --org-token-name ")).contains("Billing export", "Org pipeline")
			.doesNotContain(WS_TOKEN_NAME);
		assertThat(shell.complete("workspace token organization-token add -r ")).containsExactlyElementsOf(ROLES);
	}

	// ---- organization tokens of the workspace

	@Test
	void anOrganizationTokenIsAddedUpdatedListedAndRemovedKeepingItsOtherRoles() {
		Result add = shell.run("workspace token add --org-token-name \"Billing export\" -r WORKSPACE_MEMBER");
		assertThat(add.exitCode()).as(add.err()).isZero();
		assertThat(add.out()).isEqualTo("Astro Organization API token Billing export was successfully added to the "
				+ "Workspace" + NL + "role: none -> WORKSPACE_MEMBER" + NL);

		Result update = shell.run("workspace token organization-token update " + SandboxSeed.TOKEN_ORG_BILLING_ID
				+ " -r WORKSPACE_AUTHOR -o json");
		assertThat(json.readTree(update.out()).get("role").asString()).isEqualTo("WORKSPACE_AUTHOR");

		Result list = shell.run("workspace token organization-token list");
		assertThat(list.out()).contains("Billing export", "WORKSPACE_AUTHOR", "Org pipeline")
			.doesNotContain(WS_TOKEN);

		Result remove = shell.run("workspace token organization-token remove --org-token-name \"Billing export\" -f");
		assertThat(remove.exitCode()).as(remove.err()).isZero();
		assertThat(remove.out()).isEqualTo("Astro Organization API token Billing export was successfully removed "
				+ "from the Workspace" + NL);
		assertThat(roles(fixture, SandboxSeed.TOKEN_ORG_BILLING_ID))
			.containsExactly(role("ORGANIZATION", SandboxTokens.ORG, "ORGANIZATION_BILLING_ADMIN"));
	}

	@Test
	void anOrganizationTokenUpdateDryRunSendsNothing() {
		Result r = shell.run("workspace token organization-token update --org-token-name \"Org pipeline\" "
				+ "-r WORKSPACE_OWNER --dry-run");
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).startsWith("Astro Organization API token Org pipeline (" + ORG_PIPELINE
				+ ") would be given a role on the Workspace (dry run: nothing was sent)");
		assertThat(writes()).isEmpty();
	}

	// ---- the permission model

	@Test
	void aWorkspaceOwnerCannotCreateAnOrganizationTokenNorGrantOnAnotherWorkspace() {
		loginAs("workspace token create -n owner -r WORKSPACE_OWNER -c");

		Result org = shell.run("organization token create -n sneaky -r ORGANIZATION_MEMBER");
		assertThat(org.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(org.err()).startsWith("Error: permission denied:").contains("cannot create tokens in organization");

		Result other = shell.run("workspace token add " + ORG_PIPELINE + " -r WORKSPACE_MEMBER --workspace-id "
				+ SandboxSeed.WORKSPACE_ML_ID);
		assertThat(other.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(other.err()).startsWith("Error: permission denied:").contains("cannot grant roles on workspace");
		assertThat(roles(fixture, ORG_PIPELINE)).as("unchanged")
			.containsExactly(role("ORGANIZATION", SandboxTokens.ORG, "ORGANIZATION_MEMBER"),
					role("WORKSPACE", DATA, "WORKSPACE_OPERATOR"));
	}

	@Test
	void aWorkspaceOperatorCannotGrantTheOwnerRole() {
		loginAs("workspace token create -n operator -r WORKSPACE_OPERATOR -c");

		Result r = shell.run("workspace token update " + SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID
				+ " -r WORKSPACE_OWNER");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).contains("permission denied");
		assertThat(roles(fixture, SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID))
			.containsExactly(role("WORKSPACE", DATA, "WORKSPACE_MEMBER"));
	}

	/** The next POST whose path ends with {@code path} is carried out, and its answer lost. */
	private void loseTheNextAnswerOf(String path) {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, path, "POST"));
		fixture.server().loseNextAnswers(1);
		fixture.clearRequests();
	}

	/** Creates a token with {@code create} (which prints only its secret) and logs the shell in with it. */
	private void loginAs(String create) {
		SandboxLogin.as(shell, fixture, shell.run(create).out().strip());
	}

	/** The workspace's token of that name, as the sandbox holds it now (read with the development token). */
	private ApiToken named(String name) {
		return SandboxTokens.as(fixture, fixture.server().developmentToken())
			.listTokens(SandboxTokens.ORG, TokenQuery.ofWorkspace(DATA), 0, 100)
			.block()
			.tokens()
			.stream()
			.filter(t -> t.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private List<String> writes() {
		return fixture.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
	}
}
