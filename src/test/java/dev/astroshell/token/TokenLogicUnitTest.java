package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenRolesResult;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.token.TokenLookup.Where;

import static dev.astroshell.api.FakeAstroApi.status;
import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.PAGE;
import static dev.astroshell.token.TokenUnit.WORKSPACE;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static dev.astroshell.token.TokenUnit.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token logic without HTTP: the services over an in-memory API that fails on any call a test did not expect, so
 * each test states exactly which requests a path makes. The sandbox tests cover the same paths over real HTTP.
 */
class TokenLogicUnitTest {

	static final TokenRole DAG = new TokenRole(EntityType.DAG, "etl_daily", "DAG_VIEWER", DEPLOYMENT);

	static final TokenRole OTHER_DEPLOYMENT = TokenRole.deployment("dep-2", "DEPLOYMENT_ADMIN");

	static final TokenRolesResult ROLES_WRITTEN = new TokenRolesResult(null, List.of(), List.of(), List.of());

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	@AfterEach
	void everyExpectedCallWasMade() {
		api.verifyAllCalled();
		unit.prompter.verifyAllConsumed();
	}

	// ---- update

	@Test
	void updateByIdRenamesThenSendsTheWholeRoleListWithOnlyThisDeploymentsEntryReplaced() {
		ApiToken ci = token("t1", "ci", TokenScope.DEPLOYMENT, DAG, TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"),
				OTHER_DEPLOYMENT);
		unit.expectGet(ci);
		unit.expectGet(ci).expectDeploymentList(ci); // read again before the role write; E1: no namesake
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci main", "")).reply(renamed(ci, "ci main"));
		List<TokenRole> sent = List.of(DAG, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"), OTHER_DEPLOYMENT);
		api.expect("updateTokenRoles", ORG, "t1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(renamed(ci, "ci main"), sent)); // the read-back of E5

		String outcome = unit.update(new TokenUpdate("t1", null, "ci main", null, "DEPLOYMENT_ADMIN", null));

		assertThat(outcome).isEqualTo("""
				Astro Deployment API token ci main was successfully updated
				name: ci -> ci main
				role: DAG_RUNNER -> DEPLOYMENT_ADMIN""");
	}

	@Test
	void failedRoleChangeAndFailedRestoreSayWhereTheTokenIsLeft() {
		ApiToken ci = deploymentToken("t1", "Ci Deploy Token", "DAG_RUNNER");
		unit.expectGet(ci);
		unit.expectGet(ci).expectDeploymentList(ci); // read again before the role write; E1: no namesake
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("CI renamed", "")).reply(renamed(ci, "CI renamed"));
		api.expect("updateTokenRoles", ORG, "t1", FakeAstroApi.ANY).fail(status(503, "Service Unavailable"));
		unit.expectGet(renamed(ci, "CI renamed")); // a 5xx may hide a carried-out E5: read back, role unchanged
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("Ci Deploy Token", ""))
			.fail(status(503, "Service Unavailable"));
		unit.expectGet(renamed(ci, "CI renamed")); // the restore's 503 is read back too: it did not happen

		CliException e = catchThrowableOfType(CliException.class, () -> unit.update(new TokenUpdate("t1", null, "CI renamed", null, "DEPLOYMENT_ADMIN", null)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo("the role of Ci Deploy Token was not changed: Service Unavailable "
				+ "(confirmed by reading the token back); "
				+ "restoring the old name and description also failed (Service Unavailable): the token is now named CI renamed");
	}

	// ---- one meaning per command line (docs/commands.md §2.1)

	@Test
	void tokenIdWithAnotherTokensNameIsAUsageErrorNamingBothAndWritesNothing() {
		unit.expectGet(deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN"));

		CliException e = catchThrowableOfType(CliException.class,
				() -> unit.update(new TokenUpdate("t1", "nightly", null, null, "DEPLOYMENT_ADMIN", null)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(e.getMessage()).contains("t1", "'ci'", "'nightly'");
	}

	@Test
	void tokenIdWithItsOwnNameProceeds() {
		ApiToken ci = deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN");
		unit.expectGet(ci);
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "nightly")).reply(ci);

		unit.update(new TokenUpdate("t1", "ci", null, "nightly", "DEPLOYMENT_ADMIN", null));
	}

	// ---- the lookups: one description serves ID, name, selector and completion

	@Test
	void byNameLooksAmongTheDeploymentsOwnTokensAndNamesEveryDuplicateWithoutATerminal() {
		unit.prompter.nonInteractive();
		unit.expectDeploymentList(deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN"),
				deploymentToken("t2", "ci", "DAG_RUNNER"),
				token("w1", "ci", TokenScope.WORKSPACE, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")));

		NotInteractiveException e = catchThrowableOfType(NotInteractiveException.class,
				() -> unit.update(new TokenUpdate(null, "ci", null, null, "DEPLOYMENT_ADMIN", null)));

		assertThat(e.getMessage()).contains("TOKEN_ID", "t1", "t2").doesNotContain("w1");
	}

	@Test
	void aTokenGivenByIdIsRefusedWithTheLookupsReason() {
		ApiToken workspaceToken = token("w1", "ws", TokenScope.WORKSPACE,
				new TokenRole(EntityType.WORKSPACE, "ws-other", "WORKSPACE_MEMBER", null));
		unit.expectGet(workspaceToken).expectGet(workspaceToken).expectGet(workspaceToken);
		Where here = new Where(Place.deployment(DEPLOYMENT), WORKSPACE);

		assertThat(refusal(TokenLookup.DEPLOYMENT_TOKEN, here, "w1")).isEqualTo(TokenLookup.WRONG_TYPE
				+ ": \"ws\" is a Workspace API token; use 'workspace token update'");
		assertThat(refusal(TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT, here, "w1"))
			.isEqualTo("the token ws (w1) does not belong to the deployment dep-1");
		assertThat(refusal(TokenLookup.WORKSPACE_TOKEN_TO_ADD, here, "w1"))
			.isEqualTo("the token ws (w1) does not belong to the workspace ws-1");
	}

	@Test
	void workspaceRemoveCandidatesAreTheWorkspacesTokensWithARoleOnTheDeployment() {
		ApiToken on = token("w1", "on", TokenScope.WORKSPACE, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		ApiToken off = token("w2", "off", TokenScope.WORKSPACE);
		ApiToken deploymentScoped = deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN");
		api.expect("listTokens", ORG, TokenQuery.ofWorkspace(WORKSPACE), 0, PAGE)
			.reply(new TokensPage(List.of(on, off, deploymentScoped), 0, PAGE, 3));

		Where where = new Where(Place.deployment(DEPLOYMENT), WORKSPACE);
		assertThat(TokenLookup.WORKSPACE_TOKEN_TO_REMOVE.candidates(unit.tokens, where)).containsExactly(on);
		assertThat(TokenLookup.WORKSPACE_TOKEN_TO_REMOVE.cachedCandidates(unit.tokens, where))
			.as("the same from the cache's summaries, with no second read")
			.containsExactly(TokenSummary.of(on, Place.deployment(DEPLOYMENT)));
	}

	// ---- grants and delete: one E5, only this deployment's entry changed

	@Test
	void deletingAWorkspaceTokenOnlyDropsItsRoleOnTheDeployment() {
		ApiToken ws = token("w1", "ws", TokenScope.WORKSPACE, TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"),
				OTHER_DEPLOYMENT);
		unit.expectGet(ws);
		unit.expectGet(ws); // read again just before the role write
		api.expect("updateTokenRoles", ORG, "w1", new UpdateTokenRolesRequest(List.of(OTHER_DEPLOYMENT)))
			.reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(ws, List.of(OTHER_DEPLOYMENT)));

		assertThat(unit.delete("w1", null, true, null))
			.isEqualTo("Astro Workspace API token ws was successfully removed from the Deployment");
	}

	// ---- several entries for one deployment (older data, another client)

	static final ApiToken TWO_ON_ONE = token("t1", "ci", TokenScope.DEPLOYMENT,
			TokenRole.deployment(DEPLOYMENT, "Deploy Bot"), TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"),
			OTHER_DEPLOYMENT);

	@Test
	void everyRoleOnADeploymentIsShownJoined() {
		assertThat(TWO_ON_ONE.deploymentRole(DEPLOYMENT)).isEqualTo("Deploy Bot, DEPLOYMENT_ADMIN");
		assertThat(TokenSummary.of(TWO_ON_ONE, Place.deployment(DEPLOYMENT)).role()).isEqualTo("Deploy Bot, DEPLOYMENT_ADMIN");
	}

	@Test
	void anUpdateReplacesEveryEntryOnTheDeploymentWithTheOneChosenAndReportsThemAll() {
		unit.prompter.nonInteractive();
		unit.expectGet(TWO_ON_ONE);
		unit.expectDeploymentRoles("Deploy Bot", "DAG_RUNNER"); // --role DAG_RUNNER is checked against them
		unit.expectGet(TWO_ON_ONE); // read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(TWO_ON_ONE);
		List<TokenRole> sent = List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"), OTHER_DEPLOYMENT);
		api.expect("updateTokenRoles", ORG, "t1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(TWO_ON_ONE, sent));

		assertThat(unit.update(new TokenUpdate("t1", null, null, null, "DAG_RUNNER", null))).isEqualTo("""
				Astro Deployment API token ci was successfully updated
				role: Deploy Bot, DEPLOYMENT_ADMIN -> DAG_RUNNER""");
	}

	@Test
	void aGrantOfOneOfSeveralRolesStillWritesSoThatOnlyThatOneIsLeft() {
		ApiToken org = token("o1", "org", TokenScope.ORGANIZATION, TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"),
				TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		unit.expectGet(org);
		unit.expectDeploymentRoles("DAG_RUNNER");
		unit.expectGet(org); // read again just before the role write
		List<TokenRole> sent = List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"));
		api.expect("updateTokenRoles", ORG, "o1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(org, sent));

		assertThat(unit.updateGrant(GrantKind.ORGANIZATION, "o1", null, "DAG_RUNNER", null))
			.isEqualTo("Astro Organization API token org was successfully updated on the Deployment\n"
					+ "role: DAG_RUNNER, DEPLOYMENT_ADMIN -> DAG_RUNNER");
	}

	// ---- the token read again just before its role write

	@Test
	void aRoleChangedSinceTheTokenWasShownStopsAOneShotUpdateBeforeAnyWrite() {
		ApiToken ci = deploymentToken("t1", "ci", "DAG_RUNNER");
		unit.prompter.nonInteractive();
		unit.expectGet(ci).expectDeploymentList(ci); // E1: no namesake of the new name, asked before the read again
		unit.expectGet(withRoles(ci, List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"), OTHER_DEPLOYMENT)));

		CliException e = catchThrowableOfType(CliException.class,
				() -> unit.update(new TokenUpdate("t1", null, "ci main", null, "DEPLOYMENT_ADMIN", null)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo("the token ci was changed by another writer meanwhile: "
				+ "role on DEPLOYMENT dep-2: none -> DEPLOYMENT_ADMIN; nothing was changed");
		assertThat(api.calls()).as("no write").allMatch(c -> c.startsWith("getToken") || c.startsWith("listTokens"));
	}

	@Test
	void aRenameSinceTheTokenWasShownIsAskedAboutAndTheNewStateIsTheOneWritten() {
		ApiToken ci = deploymentToken("t1", "ci", "DAG_RUNNER");
		ApiToken renamed = renamed(ci, "ci (by someone else)");
		unit.expectGet(ci);
		unit.expectGet(renamed);
		unit.prompter.expectConfirm("the token ci was changed by another writer meanwhile: "
				+ "name: ci -> ci (by someone else). Go on with the new state?", true);
		unit.expectGet(renamed); // read once more after the question
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci (by someone else)", "")).reply(renamed);
		List<TokenRole> sent = List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		api.expect("updateTokenRoles", ORG, "t1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(renamed, sent));

		assertThat(unit.update(new TokenUpdate("t1", null, null, null, "DEPLOYMENT_ADMIN", null)))
			.as("the other writer's name is kept, not written over with the one shown")
			.isEqualTo("""
					Astro Deployment API token ci (by someone else) was successfully updated
					role: DAG_RUNNER -> DEPLOYMENT_ADMIN""");
		unit.prompter.verifyAllConsumed();
	}

	@Test
	void aRoleChangeLandingBetweenTheReadAndTheRenameIsKeptAndSaid() {
		ApiToken ci = deploymentToken("t1", "ci", "DAG_RUNNER");
		ApiToken renamedWithOther = withRoles(renamed(ci, "ci main"),
				List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"), OTHER_DEPLOYMENT));
		unit.prompter.nonInteractive();
		unit.expectGet(ci);
		unit.expectGet(ci).expectDeploymentList(ci); // read again before the role write; E1: no namesake
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci main", "")).reply(renamedWithOther);
		List<TokenRole> sent = List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"), OTHER_DEPLOYMENT);
		api.expect("updateTokenRoles", ORG, "t1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(renamedWithOther, sent));

		assertThat(unit.update(new TokenUpdate("t1", null, "ci main", null, "DEPLOYMENT_ADMIN", null))).isEqualTo("""
				Astro Deployment API token ci main was successfully updated (another writer changed its roles \
				meanwhile, and that change was kept: role on DEPLOYMENT dep-2: none -> DEPLOYMENT_ADMIN)
				name: ci -> ci main
				role: DAG_RUNNER -> DEPLOYMENT_ADMIN""");
	}

	@Test
	void organizationAddKeepsTheTokensOtherRoles() {
		TokenRole orgRole = new TokenRole(EntityType.ORGANIZATION, ORG, "ORGANIZATION_MEMBER", null);
		ApiToken org = token("o1", "org", TokenScope.ORGANIZATION, orgRole);
		unit.expectGet(org);
		unit.expectGet(org); // read again just before the role write
		List<TokenRole> sent = List.of(orgRole, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		api.expect("updateTokenRoles", ORG, "o1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(org, sent));

		assertThat(unit.addGrant(GrantKind.ORGANIZATION, "o1", null, "DEPLOYMENT_ADMIN", null, null))
			.isEqualTo("Astro Organization API token org was successfully added to the Deployment\n"
					+ "role: none -> DEPLOYMENT_ADMIN");
	}

	private String refusal(TokenLookup lookup, Where where, String id) {
		CliException e = catchThrowableOfType(CliException.class, () -> unit.resolver.resolve(Questions.of(unit.prompter), lookup, where, id, null));
		assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
		return e.getMessage();
	}

	static ApiToken withRoles(ApiToken t, List<TokenRole> roles) {
		return new ApiToken(t.id(), t.name(), t.description(), t.scope(), t.kind(), t.shortToken(), t.startAt(),
				t.createdAt(), t.updatedAt(), t.createdBy(), t.updatedBy(), t.endAt(), t.expiryPeriodInDays(),
				t.lastRotatedAt(), t.lastUsedAt(), roles, null);
	}

	static ApiToken renamed(ApiToken t, String name) {
		return new ApiToken(t.id(), name, t.description(), t.scope(), t.kind(), t.shortToken(), t.startAt(),
				t.createdAt(), t.updatedAt(), t.createdBy(), t.updatedBy(), t.endAt(), t.expiryPeriodInDays(),
				t.lastRotatedAt(), t.lastUsedAt(), t.roles(), null);
	}
}
