package dev.astroshell.token;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter.Kind;
import dev.astroshell.prompt.ScriptedPrompter.Shown;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.RequestGate;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_AIRFLOW_SYNC_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_ORG_AUTOMATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_WORKSPACE_DATA_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deployment token update} as typed in the shell, over the real in-process sandbox with a scripted prompter:
 * which token, which role, validation before any write, the two writes and the restore, the messages of the spec
 * (§2.1), and how many requests each path costs: a role change ends with one E3 reading the roles back, so that a
 * change another writer replaced is reported. Written state is read back from the sandbox.
 */
@ScriptedShellTest
class DeploymentTokenUpdateTest {

	static final String NL = System.lineSeparator();

	static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	static final String ROLES = "/v1/organizations/" + ORGANIZATION_ID + "/roles";

	static final String SELECT_TOKEN = "Please select the Deployment API token:";

	static final String CI_DEPLOY_ROLE = "Role of `Ci Deploy Token` (Deployment API token) on etl-prod";

	/** The role selector for a token whose current role is DEPLOYMENT_ADMIN. */
	static final List<String> ROLES_ADMIN_CURRENT = List.of("DEPLOYMENT_ADMIN (current)", "DAG_RUNNER", "Deploy Bot");

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	UpdateToken update;

	@Autowired
	Tokens tokens;

	@Autowired
	RequestGate gate;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	@AfterEach
	void noFaultsLeft() {
		gate.release();
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);
	}

	// ---- the seed's four examples, typed exactly as there

	@Test
	void example1ByIdAsksForARoleWithTheCurrentOneMarkedAndPreselected() {
		prompter.expectSelect(CI_DEPLOY_ROLE, ROLES_ADMIN_CURRENT, "Deploy Bot");
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --deployment-id " + ETL_PROD);

		assertOk(r, "Astro Deployment API token Ci Deploy Token was successfully updated", "role: DEPLOYMENT_ADMIN -> Deploy Bot");
		prompter.verifyAllConsumed();
		assertThat(prompter.shown()).singleElement().extracting(Shown::initial).isEqualTo(0);
		assertThat(fixture.requests()).as("E3, E8, E3 again after the selector, E4, E5, then E3 reading the roles back").containsExactly(
				"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + ROLES, "GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID,
				"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		ApiToken after = read(TOKEN_CI_DEPLOY_ID);
		assertThat(after.deploymentRole(ETL_PROD)).isEqualTo("Deploy Bot");
		assertThat(after.name()).isEqualTo("Ci Deploy Token");
		assertThat(after.description()).isEqualTo("Deploys etl-prod from CI");
	}

	@Test
	void example2ByNameWithEqualsAndNonAsciiAsksForARoleAndKeepsTheDagRole() {
		prompter.expectSelect("Role of `Équipe données` (Deployment API token) on etl-prod",
				List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER (current)", "Deploy Bot"),
				"DEPLOYMENT_ADMIN");
		Result r = run("deployment token update --deployment-id " + ETL_PROD + " --name=\"Équipe données\"");

		assertOk(r, "Astro Deployment API token Équipe données was successfully updated",
				"role: DAG_RUNNER -> DEPLOYMENT_ADMIN");
		prompter.verifyAllConsumed();
		assertThat(prompter.shown()).singleElement().extracting(Shown::initial).as("Enter keeps the current role")
			.isEqualTo(1);
		ApiToken after = read(TOKEN_EQUIPE_ID);
		assertThat(after.roles()).containsExactly(TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN"),
				new TokenRole(EntityType.DAG_TAG, "finance", "DAG_AUTHOR", ETL_PROD));
	}

	@Test
	void example3AsksForATokenAmongTheDeploymentScopedOnesThenARole() {
		prompter.expectSelect(SELECT_TOKEN, 1)
			.expectSelect(CI_DEPLOY_ROLE, List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER", "Deploy Bot (current)"),
					"Deploy Bot (current)");
		Result r = run("deployment token update --deployment-id " + ETL_PROD);

		prompter.verifyAllConsumed();
		List<String> rows = prompter.shown().get(0).options();
		assertThat(rows).as("only DEPLOYMENT-scoped tokens; rows tell same-named tokens apart").hasSize(3);
		assertThat(rows).noneMatch(row -> row.contains(TOKEN_WORKSPACE_DATA_ID) || row.contains(TOKEN_ORG_AUTOMATION_ID));
		String old = rows.get(1);
		assertThat(old).contains("Ci Deploy Token", TOKEN_CI_DEPLOY_OLD_ID, "Old CI pipeline, to be removed",
				"Deploy Bot", "41 days ago");
		assertThat(rows).filteredOn(row -> row.contains("Ci Deploy Token")).hasSize(2).doesNotHaveDuplicates();
		assertThat(rows).anySatisfy(row -> assertThat(row).contains(TOKEN_CI_DEPLOY_ID, "DEPLOYMENT_ADMIN",
				"12 days ago"));

		assertOk(r, "Astro Deployment API token Ci Deploy Token: nothing to change");
		assertThat(fixture.requests()).as("Enter on the current role changes nothing: no write, and no GET per token")
			.containsExactly("GET " + TOKENS, "GET " + ROLES);
		assertThat(read(TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(ETL_PROD)).isEqualTo("Deploy Bot");
	}

	@Test
	void example4WithRoleAsksNothingAndCostsFiveRequests() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_OLD_ID + " --deployment-id " + ETL_PROD
				+ " --role=DEPLOYMENT_ADMIN");

		assertOk(r, "Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: Deploy Bot -> DEPLOYMENT_ADMIN");
		assertThat(prompter.shown()).isEmpty();
		assertThat(fixture.requests()).as("E3, E3 again just before the writes, E4, E5, and E3 reading the roles back").containsExactly(
				"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_OLD_ID, "GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_OLD_ID, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_OLD_ID,
				"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_OLD_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_OLD_ID);
		assertThat(read(TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
		assertThat(read(TOKEN_CI_DEPLOY_ID).deploymentRole(ETL_PROD)).as("its namesake untouched")
			.isEqualTo("DEPLOYMENT_ADMIN");
	}

	// ---- role unchanged, kept, or changed with the rest of the role set preserved

	@Test
	void sameRoleIsNotAnErrorAndSkipsE5TwoRequests() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --role DEPLOYMENT_ADMIN --new-name \"CI main\"");

		assertOk(r, "Astro Deployment API token CI main was successfully updated", "name: Ci Deploy Token -> CI main");
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + TOKENS,
				"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		assertThat(read(TOKEN_CI_DEPLOY_ID).name()).isEqualTo("CI main");
	}

	@Test
	void nonInteractiveWithoutRoleKeepsTheRoleAndNeverPrompts() {
		prompter.nonInteractive();
		Result r = run("deployment token update " + TOKEN_EQUIPE_ID + " -d \"Accès équipe, v2\"");

		assertOk(r, "Astro Deployment API token Équipe données was successfully updated",
				"description: Accès de l'équipe données -> Accès équipe, v2");
		assertThat(prompter.shown()).isEmpty();
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS + "/" + TOKEN_EQUIPE_ID,
				"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID);
		ApiToken after = read(TOKEN_EQUIPE_ID);
		assertThat(after.description()).isEqualTo("Accès équipe, v2");
		assertThat(after.deploymentRole(ETL_PROD)).isEqualTo("DAG_RUNNER");
	}

	@Test
	void byNameOnAOnePageDeploymentCostsTheListOneReadAndTheWrites() {
		Result r = run("deployment token update --name \"Équipe données\" --role DEPLOYMENT_ADMIN");

		assertOk(r, "Astro Deployment API token Équipe données was successfully updated",
				"role: DAG_RUNNER -> DEPLOYMENT_ADMIN");
		assertThat(fixture.requests())
			.as("the list, one E3 just before the writes (E5 is built from it), one E3 reading the roles back")
			.containsExactly("GET " + TOKENS, "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "POST " + TOKENS + "/" + TOKEN_EQUIPE_ID,
					"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID);
		assertThat(read(TOKEN_EQUIPE_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	@Test
	void aCustomRoleIsValidatedAgainstTheRolesListReadOnceThenCached() {
		run("deployment token update --name \"Équipe données\" --role \"Deploy Bot\"");
		assertThat(fixture.requests()).as("validating a custom role needs the organization's roles")
			.containsExactly("GET " + TOKENS, "GET " + ROLES, "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "POST " + TOKENS + "/" + TOKEN_EQUIPE_ID,
					"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID);
		fixture.clearRequests();

		Result r = run("deployment token update --name \"Équipe données\" --role DAG_RUNNER");

		assertOk(r, "Astro Deployment API token Équipe données was successfully updated",
				"role: Deploy Bot -> DAG_RUNNER");
		assertThat(fixture.requests()).as("the roles list is cached").containsExactly("GET " + TOKENS,
				"GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "POST " + TOKENS + "/" + TOKEN_EQUIPE_ID, "POST " + TOKENS + "/" + TOKEN_EQUIPE_ID + "/roles",
				"GET " + TOKENS + "/" + TOKEN_EQUIPE_ID);
	}

	@Test
	void e5SendsTheWholeRoleSetWithOnlyThisDeploymentsEntryReplaced() {
		// give the token a role on another deployment and a DAG role first, straight through the API
		ApiToken before = read(TOKEN_CI_DEPLOY_ID);
		TokenRole staging = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "Deploy Bot");
		TokenRole dag = new TokenRole(EntityType.DAG, "etl_daily", "DAG_VIEWER", ETL_PROD);
		session.api()
			.updateTokenRoles(ORGANIZATION_ID, TOKEN_CI_DEPLOY_ID,
					new UpdateTokenRolesRequest(List.of(dag, before.roles().get(0), staging)))
			.block();

		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -r DAG_RUNNER");

		assertOk(r, "Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: DEPLOYMENT_ADMIN -> DAG_RUNNER");
		assertThat(read(TOKEN_CI_DEPLOY_ID).roles()).containsExactly(dag, TokenRole.deployment(ETL_PROD, "DAG_RUNNER"),
				staging);
	}

	@Test
	void byNameTheListsRoleSetIsSentBackWhole() {
		// the token found in the E1 list (no E3) must carry its whole role set, or E5 would drop the others
		TokenRole staging = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DAG_RUNNER");
		TokenRole dag = new TokenRole(EntityType.DAG, "etl_daily", "DAG_VIEWER", ETL_PROD);
		session.api()
			.updateTokenRoles(ORGANIZATION_ID, TOKEN_EQUIPE_ID, new UpdateTokenRolesRequest(
					List.of(TokenRole.deployment(ETL_PROD, "DAG_RUNNER"), staging, dag)))
			.block();
		fixture.clearRequests();

		Result r = run("deployment token update --name \"Équipe données\" --role DEPLOYMENT_ADMIN");

		assertOk(r, "Astro Deployment API token Équipe données was successfully updated",
				"role: DAG_RUNNER -> DEPLOYMENT_ADMIN");
		assertThat(fixture.requests()).as("E5 is built from the E3 just before the writes, not from the list; the other E3 is the read-back")
			.containsExactly("GET " + TOKENS, "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "POST " + TOKENS + "/" + TOKEN_EQUIPE_ID,
					"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID);
		assertThat(read(TOKEN_EQUIPE_ID).roles()).containsExactly(TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN"),
				staging, dag);
	}

	@Test
	void renameAndDescribeWithShortFlagsQuotesAndNonAscii() {
		Result r = run("deployment token update -t \"Équipe données\" -n \"Ops \\\"blue\\\" équipe\" -d \"\" -r DAG_RUNNER");

		assertOk(r, "Astro Deployment API token Ops \"blue\" équipe was successfully updated",
				"name: Équipe données -> Ops \"blue\" équipe", "description: Accès de l'équipe données -> \"\"");
		ApiToken after = read(TOKEN_EQUIPE_ID);
		assertThat(after.name()).isEqualTo("Ops \"blue\" équipe");
		assertThat(after.description()).isEmpty();

		prompter.reset();
		fixture.clearRequests();
		Result again = run("deployment token update --name \"Ops \\\"blue\\\" équipe\" --role DAG_RUNNER");
		assertOk(again, "Astro Deployment API token Ops \"blue\" équipe: nothing to change");
		assertThat(fixture.requests()).as("the same name, description and role: the lookup only, no write")
			.containsExactly("GET " + TOKENS);
	}

	// ---- duplicates

	@Test
	void duplicateNameShowsASelectorOfTheMatchesOnly() {
		prompter.expectSelect(SELECT_TOKEN, 1);
		Result r = run("deployment token update --name \"Ci Deploy Token\" --role DEPLOYMENT_ADMIN");

		prompter.verifyAllConsumed();
		List<String> rows = prompter.shown().get(0).options();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains(TOKEN_CI_DEPLOY_ID, "Deploys etl-prod from CI", "DEPLOYMENT_ADMIN",
				"12 days ago");
		assertThat(rows.get(1)).contains(TOKEN_CI_DEPLOY_OLD_ID, "Old CI pipeline", "Deploy Bot", "41 days ago");
		assertOk(r, "Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: Deploy Bot -> DEPLOYMENT_ADMIN");
		assertThat(read(TOKEN_CI_DEPLOY_OLD_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	@Test
	void duplicateNameWithoutATerminalFailsNamingTokenIdAndWritesNothing() {
		prompter.nonInteractive();
		Result r = run("deployment token update --name \"Ci Deploy Token\" --role DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("TOKEN_ID", TOKEN_CI_DEPLOY_ID, TOKEN_CI_DEPLOY_OLD_ID);
		assertThat(prompter.shown()).isEmpty();
		assertNothingWritten();
	}

	// ---- one meaning per command line

	@Test
	void tokenIdWithAnotherTokensNameIsAUsageErrorNamingBoth() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --name \"Équipe données\" -r DAG_RUNNER");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err().lines()).singleElement()
			.satisfies(line -> assertThat(line).contains(TOKEN_CI_DEPLOY_ID, "'Ci Deploy Token'", "'Équipe données'"));
		assertNothingWritten();
	}

	@Test
	void tokenIdWithItsOwnNameProceeds() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_OLD_ID + " --name \"Ci Deploy Token\" -r DEPLOYMENT_ADMIN");

		assertOk(r, "Astro Deployment API token Ci Deploy Token was successfully updated",
				"role: Deploy Bot -> DEPLOYMENT_ADMIN");
	}

	// ---- the token is not one this command may update

	@Test
	void aRenameToANameAnotherTokenHasAsksFirst() {
		prompter.expectConfirm("Another token on etl-prod is named Équipe données (id " + TOKEN_EQUIPE_ID
				+ "); rename Ci Deploy Token anyway?", false);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --new-name \"Équipe données\"");
		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).isEqualTo(NameClash.RENAME_CANCELED + NL);
		assertNothingWritten();
	}

	@Test
	void aOneShotRenameToANameAnotherTokenHasWarnsOnItsErrorStreamFromTheListOfTheLastMinute() {
		run("deployment token list");
		fixture.clearRequests();
		prompter.nonInteractive();

		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --new-name \"Équipe données\"");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.err()).isEqualTo("Warning: Another token on etl-prod is named Équipe données (id "
				+ TOKEN_EQUIPE_ID + "); --name will find several tokens" + NL);
		assertThat(fixture.requests()).as("the namesakes come from the list read a moment ago")
			.doesNotContain("GET " + TOKENS)
			.contains("POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
	}

	@Test
	void aChangeMadeWhileTheNameClashQuestionIsOpenIsSeenByTheReadAfterIt() {
		String clash = "Another token on etl-prod is named Équipe données (id " + TOKEN_EQUIPE_ID
				+ "); rename Ci Deploy Token anyway?";
		prompter.expectConfirm(clash, true, () -> session.api()
			.updateToken(ORGANIZATION_ID, TOKEN_CI_DEPLOY_ID, new UpdateTokenRequest("Ci Deploy Token", "by another"))
			.block());
		prompter.expectConfirm("the token Ci Deploy Token was changed by another writer meanwhile: description: "
				+ "Deploys etl-prod from CI -> by another. Go on with the new state?", true);

		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID
				+ " --new-name \"Équipe données\" --role DAG_RUNNER");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		ApiToken now = session.api().getToken(ORGANIZATION_ID, TOKEN_CI_DEPLOY_ID).block();
		assertThat(now.description()).as("the other writer's description kept").isEqualTo("by another");
		assertThat(now.name()).isEqualTo("Équipe données");
	}

	@Test
	void unknownIdFails() {
		Result r = run("deployment token update clnosuchtoken000000000000 --role DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).startsWith("Error: no API token with the ID clnosuchtoken000000000000");
		assertThat(r.err().lines()).hasSize(1);
		assertNothingWritten();
	}

	@Test
	void unknownNameFailsWithTheSpecMessage() {
		Result r = run("deployment token update --name \"Ci deploy token\" --role DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).isEqualTo(
				"Error: no Deployment API token was found for the API token name you provided" + NL);
		assertNothingWritten();
	}

	@Test
	void workspaceOrOrganizationTokenIdIsTheWrongType() {
		String wrongType = "Error: the token selected is not of the type you are trying to modify: ";
		Map<String, String> refusals = Map.of(TOKEN_WORKSPACE_DATA_ID,
				"\"Data Eng workspace token\" is a Workspace API token; use 'workspace token update'",
				TOKEN_ORG_AUTOMATION_ID,
				"\"Org automation\" is an Organization API token; use 'organization token update'");
		refusals.forEach((id, why) -> {
			fixture.clearRequests();
			Result r = run("deployment token update " + id + " --role DEPLOYMENT_ADMIN");
			assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).isEqualTo(wrongType + why + NL);
			assertNothingWritten();
		});
	}

	@Test
	void tokenOfAnotherDeploymentIsRefused() {
		Result r = run("deployment token update " + TOKEN_AIRFLOW_SYNC_ID + " --role DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("does not belong to the deployment " + ETL_PROD);
		assertNothingWritten();

		fixture.clearRequests();
		Result there = run("deployment token update " + TOKEN_AIRFLOW_SYNC_ID + " --deployment-id "
				+ DEPLOYMENT_ETL_STAGING_ID + " --role \"Deploy Bot\"");
		assertOk(there, "Astro Deployment API token airflow-sync was successfully updated",
				"role: DEPLOYMENT_ADMIN -> Deploy Bot");
	}

	// ---- validation before any write

	@Test
	void invalidRoleFailsBeforeAnyWriteListingTheValidRoles() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --new-name x --role WORKSPACE_AUTHOR");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo(
				"Error: invalid role 'WORKSPACE_AUTHOR': use one of DEPLOYMENT_ADMIN, DAG_RUNNER, Deploy Bot" + NL);
		assertNothingWritten();
		assertThat(read(TOKEN_CI_DEPLOY_ID).name()).isEqualTo("Ci Deploy Token");
	}

	@Test
	void aWorkspaceCustomRoleIsNotADeploymentRole() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --role \"Workspace Auditor\"");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("invalid role 'Workspace Auditor'");
		assertNothingWritten();
	}

	@Test
	void emptyNewNameFailsBeforeAnyRequest() {
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --new-name \"\" --role DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo("Error: the new name cannot be empty" + NL);
		assertThat(fixture.requests()).isEmpty();
	}

	// ---- E5 fails after E4 succeeded

	@Test
	void failedRoleChangePutsTheOldNameBackAndSaysSo() {
		failOnly("/roles", "POST").failNext(1, 500);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -n \"CI renamed\" -d changed -r \"Deploy Bot\"");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.out()).isEmpty();
		assertThat(r.err().lines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Error: the role of Ci Deploy Token was not changed: ")
				.endsWith("; the name and description were restored"));
		assertThat(fixture.requests()).as("E1 (namesakes) before E3 again; a 500 may hide a carried-out E5: E3 reads it back before the restore")
			.containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + ROLES, "GET " + TOKENS,
					"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID,
					"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID + "/roles",
					"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		ApiToken after = read(TOKEN_CI_DEPLOY_ID);
		assertThat(after.name()).isEqualTo("Ci Deploy Token");
		assertThat(after.description()).isEqualTo("Deploys etl-prod from CI");
		assertThat(after.deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	@Test
	void droppedConnectionOnE5AlsoRestores() {
		failOnly("/roles", "POST").dropNext(1);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -n \"CI renamed\" -r \"Deploy Bot\"");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).contains("was not changed", "the name and description were restored");
		assertThat(read(TOKEN_CI_DEPLOY_ID).name()).isEqualTo("Ci Deploy Token");
	}

	@Test
	void failedRoleChangeWithoutRenameHasNothingToRestore() {
		failOnly("/roles", "POST").failNext(1, 500);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -r \"Deploy Bot\"");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).startsWith("Error: the role of Ci Deploy Token was not changed: ");
		assertThat(fixture.requests()).filteredOn(req -> req.startsWith("POST")).hasSize(2);
		assertThat(read(TOKEN_CI_DEPLOY_ID).deploymentRole(ETL_PROD)).isEqualTo("DEPLOYMENT_ADMIN");
	}

	// ---- lost answers: read back before saying anything (E4, E5)

	@Test
	void aRenameWhoseAnswerIsLostIsConfirmedByReadingTheTokenBack() {
		loseAnswers("/tokens/" + TOKEN_CI_DEPLOY_ID, "POST");
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -n \"CI main\" -r DEPLOYMENT_ADMIN");

		assertOk(r, "Astro Deployment API token CI main was successfully updated " + LostAnswer.CONFIRMED,
				"name: Ci Deploy Token -> CI main");
		assertThat(fixture.requests()).as("E3, E1 (namesakes), E4 (its answer lost), E3 reading it back; never a second E4")
			.containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + TOKENS,
					"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID,
					"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		assertThat(read(TOKEN_CI_DEPLOY_ID).name()).isEqualTo("CI main");
	}

	@Test
	void aRoleChangeWhoseAnswerIsLostIsConfirmedAndTheRenameIsNotUndone() {
		loseAnswers("/roles", "POST");
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -n \"CI main\" -r DAG_RUNNER");

		assertOk(r, "Astro Deployment API token CI main was successfully updated " + LostAnswer.CONFIRMED,
				"name: Ci Deploy Token -> CI main", "role: DEPLOYMENT_ADMIN -> DAG_RUNNER");
		assertThat(fixture.requests())
			.as("E3, E8, E1 (namesakes), E3 again, E4, E5 (its answer lost), E3 reading it back; no restore")
			.containsExactly("GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "GET " + ROLES, "GET " + TOKENS,
					"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID, "POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID,
					"POST " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID + "/roles",
					"GET " + TOKENS + "/" + TOKEN_CI_DEPLOY_ID);
		ApiToken after = read(TOKEN_CI_DEPLOY_ID);
		assertThat(after.name()).isEqualTo("CI main");
		assertThat(after.deploymentRole(ETL_PROD)).isEqualTo("DAG_RUNNER");
	}

	// ---- concurrent role changes (E5 replaces the whole list)

	@Test
	void concurrentRoleChangesOnTwoDeploymentsOfOneTokenAreNotLostSilently() throws Exception {
		TokenRole prodAdmin = TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN");
		TokenRole stagingRunner = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DAG_RUNNER");
		session.api()
			.updateTokenRoles(ORGANIZATION_ID, TOKEN_CI_DEPLOY_ID,
					new UpdateTokenRolesRequest(List.of(prodAdmin, stagingRunner)))
			.block();
		tokens.deploymentRoles(); // read E8 now, so that the two updates send only their own requests
		// the updates' requests go in rounds, one of each: both read the roles (E3) before either writes (E5), and
		// each reads them back after both wrote
		gate.hold();
		CompletableFuture<WriteResult> prod = CompletableFuture.supplyAsync(
				() -> update.run(new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null, "Deploy Bot", ETL_PROD)));
		CompletableFuture<WriteResult> staging = CompletableFuture.supplyAsync(() -> update
			.run(new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null, "DEPLOYMENT_ADMIN", DEPLOYMENT_ETL_STAGING_ID)));
		inRounds(List.of(prod, staging));
		gate.release();
		String prodLost = failureOf(prod);
		String stagingLost = failureOf(staging);

		assertThat(prodLost == null ^ stagingLost == null).as("exactly one change was lost, and it says so").isTrue();
		List<TokenRole> now = read(TOKEN_CI_DEPLOY_ID).roles();
		if (prodLost != null) {
			assertThat(now).as("the staging update's list won").containsExactlyInAnyOrder(prodAdmin,
					TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN"));
			assertThat(prodLost).isEqualTo("the roles of Ci Deploy Token were changed by another writer "
					+ "meanwhile: this change (role on " + ETL_PROD + ": DEPLOYMENT_ADMIN -> Deploy Bot) was lost; its "
					+ "roles now: " + RoleWrite.describe(now));
		}
		else {
			assertThat(now).as("the etl-prod update's list won")
				.containsExactlyInAnyOrder(TokenRole.deployment(ETL_PROD, "Deploy Bot"), stagingRunner);
			assertThat(stagingLost).isEqualTo("the roles of Ci Deploy Token were changed by another "
					+ "writer meanwhile: this change (role on " + DEPLOYMENT_ETL_STAGING_ID
					+ ": DAG_RUNNER -> DEPLOYMENT_ADMIN) was lost; its roles now: " + RoleWrite.describe(now));
		}
	}

	/** Lets the held requests go in rounds: the next once each running update has sent its next request. */
	private void inRounds(List<CompletableFuture<WriteResult>> updates) {
		while (updates.stream().anyMatch(u -> !u.isDone())) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> gate.held() >= updates.stream().filter(u -> !u.isDone()).count());
			gate.releaseHeld();
		}
	}

	/** The line of the exit-1 failure the update ended with (another writer's change), or null when it succeeded. */
	private static String failureOf(CompletableFuture<WriteResult> update) throws Exception {
		WriteResult result = update.get(20, TimeUnit.SECONDS);
		if (result.failed()) {
			assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.CONFLICT);
		}
		return result.error();
	}

	// ---- which deployment

	@Test
	void withoutADeploymentAnInteractiveSessionPicksOne() {
		fixture.withoutDeployment();
		prompter.expectSelect("Select a Deployment:", 0);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --role DEPLOYMENT_ADMIN");

		prompter.verifyAllConsumed();
		List<String> rows = prompter.shown().get(0).options();
		assertThat(rows.get(0)).startsWith("etl-prod").contains(ETL_PROD);
		assertThat(rows).hasSizeGreaterThan(1)
			.as("the IDs in one column")
			.extracting(row -> {
				Matcher id = Pattern.compile("\\bc[a-z0-9]{24}\\b").matcher(row);
				return id.find() ? id.start() : -1;
			})
			.containsOnly(rows.get(0).indexOf(ETL_PROD));
		assertOk(r, "Astro Deployment API token Ci Deploy Token: nothing to change");
	}

	@Test
	void withoutADeploymentANonInteractiveRunNamesTheFlag() {
		fixture.withoutDeployment();
		prompter.nonInteractive();
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID + " --role DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo(
				"Error: required flag --deployment-id not set. To find valid values, run: deployment list" + NL);
		assertThat(fixture.requests()).isEmpty();
	}

	@Test
	void noTokenAndNoTerminalNamesTheFlags() {
		prompter.nonInteractive();
		Result r = run("deployment token update --role DEPLOYMENT_ADMIN");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("TOKEN_ID", "--name");
		assertThat(prompter.shown()).isEmpty();
		assertNothingWritten();
	}

	@Test
	void cancellingTheTokenSelectorWritesNothing() {
		prompter.expectCancel(Kind.SELECT, SELECT_TOKEN);
		Result r = run("deployment token update");
		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo("Error: cancelled" + NL);
		assertNothingWritten();
	}

	@Test
	void cancellingTheRoleSelectorWritesNothing() {
		prompter.expectCancel(Kind.SELECT, CI_DEPLOY_ROLE);
		Result r = run("deployment token update " + TOKEN_CI_DEPLOY_ID);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertNothingWritten();
		assertThat(read(TOKEN_CI_DEPLOY_ID).name()).isEqualTo("Ci Deploy Token");
	}

	// ---- helpers

	private Result run(String line) {
		Result r = shell.run(line);
		assertNoSecret(r);
		return r;
	}

	/** Nothing but create and rotate prints a secret; a JWT starts with "eyJ". */
	private void assertNoSecret(Result r) {
		assertThat(r.out() + r.err()).doesNotContain("eyJ").doesNotContain(fixture.server().developmentToken());
	}

	private void assertOk(Result r, String... lines) {
		assertThat(r.err()).isEmpty();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out().lines()).containsExactly(lines);
	}

	private void assertNothingWritten() {
		assertThat(fixture.requests()).noneMatch(req -> !req.startsWith("GET "));
	}

	private dev.astroshell.sandbox.SandboxServer failOnly(String path, String method) {
		var server = fixture.server();
		server.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, path, method));
		return server;
	}

	/** The sandbox carries out every matching request and loses its answer. */
	private void loseAnswers(String path, String method) {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1.0, 1, path, method));
	}

	private ApiToken read(String id) {
		return session.api().getToken(SandboxSeed.ORGANIZATION_ID, id).block();
	}

}
