package dev.astroshell.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.prompt.PromptCancelledException;
import dev.astroshell.prompt.ScriptedPrompter.Kind;
import dev.astroshell.token.TokenLookup.Where;

import static dev.astroshell.token.TokenLogicUnitTest.ROLES_WRITTEN;
import static dev.astroshell.token.TokenLogicUnitTest.renamed;
import static dev.astroshell.token.TokenLogicUnitTest.withRoles;
import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.NOW;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.WORKSPACE;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static dev.astroshell.token.TokenUnit.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the token commands say and ask, and what that costs, over the in-memory API (any call a test did not expect
 * fails it): the role selector's title, when it opens, "updated" and "nothing to change", IDs as typed, the wrong
 * type's hint, expired tokens, cancelled confirmations, and server text kept on one line.
 */
class TokenWordingUnitTest {

	static final TokenRole ON_WORKSPACE = new TokenRole(EntityType.WORKSPACE, WORKSPACE, "WORKSPACE_MEMBER", null);

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	@AfterEach
	void everyExpectedCallWasMadeAndEveryPromptShown() {
		api.verifyAllCalled();
		unit.prompter.verifyAllConsumed();
	}

	// ---- 1. the role selector names the token, its kind and the deployment

	@Test
	void theRoleSelectorNamesTheDeploymentTokenAndEnterOnTheCurrentRoleWritesNothing() {
		unit.expectGet(deploymentToken("t1", "Ci Deploy Token", "DEPLOYMENT_ADMIN")).expectDeploymentRoles("Deploy Bot");
		unit.prompter.expectSelect("Role of `Ci Deploy Token` (Deployment API token) on etl-prod",
				List.of("DEPLOYMENT_ADMIN (current)", "Deploy Bot"), "DEPLOYMENT_ADMIN (current)");

		String outcome = unit.update(new TokenUpdate("t1", null, null, null, null, null));

		assertThat(outcome).isEqualTo("Astro Deployment API token Ci Deploy Token: nothing to change");
		assertThat(api.calls()).as("E3 and E8 only: no write").hasSize(2);
	}

	@Test
	void theRoleSelectorNamesWorkspaceAndOrganizationTokensAsSuchAndAnUnnamedDeploymentByItsId() {
		ApiToken ws = token("w1", "Data Eng", TokenScope.WORKSPACE, TokenRole.deployment("dep-2", "DEPLOYMENT_ADMIN"));
		ApiToken org = token("o1", "Org automation", TokenScope.ORGANIZATION,
				TokenRole.deployment(DEPLOYMENT, "Deploy Bot"));
		unit.expectGet(ws).expectDeploymentRoles("Deploy Bot").expectGet(org);
		unit.prompter.expectCancel(Kind.SELECT, "Role of `Data Eng` (Workspace API token) on dep-2")
			.expectCancel(Kind.SELECT, "Role of `Org automation` (Organization API token) on etl-prod");

		catchThrowableOfType(PromptCancelledException.class,
				() -> unit.updateGrant(GrantKind.WORKSPACE, "w1", null, null, "dep-2"));
		catchThrowableOfType(PromptCancelledException.class,
				() -> unit.addGrant(GrantKind.ORGANIZATION, "o1", null, null, null, null));

		assertThat(api.calls()).as("two E3 and one E8 (cached): no write").hasSize(3);
	}

	@Test
	void createsRoleSelectorNamesTheNewToken() {
		unit.expectDeploymentRoles();
		unit.prompter.expectCancel(Kind.SELECT, "Role of `nightly` (Deployment API token) on etl-prod");

		catchThrowableOfType(PromptCancelledException.class,
				() -> unit.create("nightly", null, null, null, null));
	}

	// ---- 2. a rename or a new description keeps the role without asking

	@Test
	void aRenameOrANewDescriptionKeepsTheRoleWithoutAskingEvenInAnInteractiveSession() {
		ApiToken ci = deploymentToken("t1", "ci", "DAG_RUNNER");
		unit.expectGet(ci).expectDeploymentList(ci); // E1: no namesake
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci main", "")).reply(renamed(ci, "ci main"));
		unit.expectGet(ci);
		ApiToken described = new ApiToken("t1", "ci", "nightly", TokenScope.DEPLOYMENT, "STANDARD", "abc", null,
				ci.createdAt(), null, null, null, null, null, null, null, ci.roles(), null);
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "nightly")).reply(described);

		assertThat(unit.update(new TokenUpdate("t1", null, "ci main", null, null, null)))
			.isEqualTo("Astro Deployment API token ci main was successfully updated\nname: ci -> ci main");
		assertThat(unit.update(new TokenUpdate("t1", null, null, "nightly", null, null)))
			.isEqualTo("Astro Deployment API token ci was successfully updated\ndescription: \"\" -> nightly");

		assertThat(unit.prompter.shown()).as("no role selector").isEmpty();
		assertThat(api.calls()).as("E3 and E4 each, E1 for the rename's namesakes: no E8, no E5").hasSize(5);
	}

	// ---- 3. "updated", and "nothing to change" without a write

	@Test
	void anUpdateThatChangesNothingSaysSoAndWritesNothing() {
		unit.expectGet(deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN"));

		String outcome = unit.update(new TokenUpdate("t1", null, "ci", "", "DEPLOYMENT_ADMIN", null));

		assertThat(outcome).isEqualTo("Astro Deployment API token ci: nothing to change");
		assertThat(api.calls()).containsExactly("getToken(org-1, t1)");
	}

	@Test
	void addingARoleToAnAlreadyAttachedTokenSaysUpdated() {
		ApiToken ws = token("w1", "ws", TokenScope.WORKSPACE, ON_WORKSPACE,
				TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"));
		List<TokenRole> sent = List.of(ON_WORKSPACE, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		unit.expectGet(ws);
		unit.expectGet(ws); // read again just before the role write
		api.expect("updateTokenRoles", ORG, "w1", new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(ws, sent));

		assertThat(unit.addGrant(GrantKind.WORKSPACE, "w1", null, "DEPLOYMENT_ADMIN", null, null))
			.isEqualTo("Astro Workspace API token ws was successfully updated on the Deployment\n"
					+ "role: DAG_RUNNER -> DEPLOYMENT_ADMIN");
		assertThat(api.calls()).as("E3, E3 again just before the write, E5, E3 reading back").hasSize(4);
	}

	@Test
	void aGrantOfTheRoleTheTokenHasSaysNothingToChangeAndWritesNothing() {
		unit.expectGet(token("o1", "org", TokenScope.ORGANIZATION, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")));

		assertThat(unit.updateGrant(GrantKind.ORGANIZATION, "o1", null, "DEPLOYMENT_ADMIN", null))
			.isEqualTo("Astro Organization API token org: nothing to change (its role on the Deployment is already "
					+ "DEPLOYMENT_ADMIN)");
		assertThat(api.calls()).containsExactly("getToken(org-1, o1)");
	}

	// ---- 4. IDs are lower-cased, as astro does

	@Test
	void upperCaseTokenAndDeploymentIdsAreLowerCasedBeforeTheLookup() {
		ApiToken ci = deploymentToken("t1", "ci", "DAG_RUNNER");
		unit.expectGet(ci);
		api.expect("rotateToken", ORG, "t1").reply(ci);

		assertThat(unit.rotate.run(new RotateToken.Options(" T1 ", null, true, "DEP-1")).id()).isEqualTo("t1");
		assertThat(api.calls()).containsExactly("getToken(org-1, t1)", "rotateToken(org-1, t1)");
	}

	// ---- 5. the wrong type names the token's scope and the command for it

	@Test
	void aTokenOfTheWrongTypeNamesItsScopeAndTheCommandThatHandlesIt() {
		Where here = new Where(Place.deployment(DEPLOYMENT), WORKSPACE);
		ApiToken ws = token("w1", "CI\nline", TokenScope.WORKSPACE, ON_WORKSPACE,
				TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		ApiToken org = token("o1", "org", TokenScope.ORGANIZATION, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		ApiToken ci = deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN");
		String wrong = TokenLookup.WRONG_TYPE + ": ";

		assertThat(TokenLookup.DEPLOYMENT_TOKEN.refusal(ws, here)).isEqualTo(wrong
				+ "\"CI⏎line\" is a Workspace API token; use 'workspace token update'");
		assertThat(TokenLookup.DEPLOYMENT_TOKEN_TO_ROTATE.refusal(org, here)).isEqualTo(wrong
				+ "\"org\" is an Organization API token; use 'organization token rotate'");
		assertThat(TokenLookup.WORKSPACE_TOKEN_TO_REMOVE.refusal(ci, here))
			.isEqualTo(wrong + "\"ci\" is a Deployment API token; use 'deployment token delete'");
		assertThat(TokenLookup.ORGANIZATION_TOKEN_TO_ADD.refusal(ws, here)).endsWith(
				"is a Workspace API token; use 'deployment token workspace-token add'");
		assertThat(TokenLookup.WORKSPACE_TOKEN_TO_ADD.refusal(ci, here)).endsWith(
				"is a Deployment API token; 'deployment token workspace-token add' takes Workspace API tokens only");
		assertThat(TokenLookup.ANY_TOKEN_ON_DEPLOYMENT.refusal(ws, here)).as("delete takes every scope").isNull();
	}

	// ---- 6. expired tokens are marked

	@Test
	void expiredTokensAreMarkedInTheListAndTheSelector() {
		ApiToken expired = ending("old", NOW.minusSeconds(1));
		ApiToken endsNow = ending("now", NOW);
		ApiToken valid = ending("valid", NOW.plus(Duration.ofDays(1)));
		ApiToken forever = deploymentToken("t4", "forever", "DEPLOYMENT_ADMIN");

		assertThat(List.of(expired, endsNow, valid, forever)).extracting(t -> TokenRows.name(t, NOW))
			.containsExactly("old (expired)", "now (expired)", "valid", "forever");
		var name = TokenColumns.columns(Place.deployment(DEPLOYMENT), Clock.fixed(NOW, ZoneOffset.UTC)).get(1);
		assertThat(name.header()).isEqualTo("NAME");
		assertThat(name.value().apply(expired)).isEqualTo("old (expired)");
		assertThat(TokenRows.cells(List.of(expired), Place.deployment(DEPLOYMENT), NOW)).singleElement()
			.satisfies(row -> assertThat(row[0]).isEqualTo("old (expired)"));
	}

	// ---- 7. Esc on a confirmation says what "n" says

	@Test
	void escOnARotateOrDeleteConfirmationCarriesTheLineThatNoPrints() {
		ApiToken ci = deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN");
		unit.expectGet(ci).expectGet(ci).expectGet(ci).expectGet(ci);
		String rotate = RotateToken.WARNING + "\nAre you sure you want to rotate the ci API token?";
		String delete = DeleteToken.WARNING + "\nAre you sure you want to delete the ci API token?";
		unit.prompter.expectCancel(Kind.CONFIRM, rotate)
			.expectConfirm(rotate, false)
			.expectCancel(Kind.CONFIRM, delete)
			.expectConfirm(delete, false);

		var escRotate = catchThrowableOfType(PromptCancelledException.class,
				() -> unit.rotate("t1", null, false, null));
		assertThat(escRotate.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(escRotate.isOwnWords()).isTrue();
		assertThat(escRotate.getMessage()).isEqualTo(RotateToken.CANCELED);
		assertThat(unit.rotate("t1", null, false, null)).as("n: the command prints ROTATE_CANCELED")
			.isEqualTo(RotateToken.CANCELED);

		var escDelete = catchThrowableOfType(PromptCancelledException.class,
				() -> unit.delete("t1", null, false, null));
		assertThat(escDelete.getMessage()).isEqualTo(unit.delete("t1", null, false, null))
			.isEqualTo("Canceling API Token deletion");
		assertThat(api.calls()).as("four E3, no write").hasSize(4);
	}

	// ---- 8. server text stays on one line

	@Test
	void namesAndDescriptionsInSuccessLinesCannotAddLines() {
		ApiToken before = deploymentToken("t1", "ci\nAstro Deployment API token x was successfully deleted", "X");
		ApiToken after = new ApiToken("t1", "new\r\nname", "two\nlines", TokenScope.DEPLOYMENT, "STANDARD", "abc", null,
				null, null, null, null, null, null, null, null, List.of(), "eyJsecret");

		assertThat(TokenUnit.updated(before, after, "X", "X").lines()).containsExactly(
				"Astro Deployment API token new⏎name was successfully updated",
				"name: ci⏎Astro Deployment API token x was successfully deleted -> new⏎name",
				"description: \"\" -> two⏎lines");
		assertThat(WriteText.of(WriteResult.withSecret(WriteResult.Action.CREATE, after)).lines().findFirst())
			.contains("Astro Deployment API token new⏎name was successfully created");
		assertThat(RoleChooser.title("a\nb", TokenScope.DEPLOYMENT, "etl\nprod"))
			.isEqualTo("Role of `a⏎b` (Deployment API token) on etl⏎prod");
	}

	@Test
	void grantAndDeleteLinesKeepTheNameOnOneLine() {
		ApiToken ws = token("w1", "ws\nfake", TokenScope.WORKSPACE, ON_WORKSPACE,
				TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"));
		unit.expectGet(ws);
		unit.expectGet(ws); // read again just before the role write
		api.expect("updateTokenRoles", ORG, "w1", FakeAstroApi.ANY).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(ws, List.of(ON_WORKSPACE)));
		ApiToken ci = deploymentToken("t1", "ci\nfake", "DEPLOYMENT_ADMIN");
		unit.expectGet(ci);
		api.expect("deleteToken", ORG, "t1").reply(null);

		assertThat(unit.removeGrant(GrantKind.WORKSPACE, "w1", null, null, null))
			.isEqualTo("Astro Workspace API token ws⏎fake was successfully removed from the Deployment");
		assertThat(unit.delete("t1", null, true, null))
			.isEqualTo("Astro Deployment API token ci⏎fake was successfully deleted");
	}

	@Test
	void selectorDescriptionsAreOneLineAndCutByTerminalColumns() {
		assertThat(TokenRows.shorten("line one\nline two")).isEqualTo("line one⏎line two");
		assertThat(TokenRows.shorten("  ")).isEqualTo("-");
		String wide = TokenRows.shorten("日本語の説明".repeat(10)); // 60 characters, 120 columns
		assertThat(TerminalText.width(wide)).isLessThanOrEqualTo(30);
		assertThat(wide).isEqualTo("日本語の説明".repeat(3).substring(0, 14) + "…");
		String accented = "e\u0301".repeat(30); // 60 code points, 30 columns: fits whole
		assertThat(TokenRows.shorten(accented)).isEqualTo(accented);
		assertThat(TerminalText.width(TokenRows.shorten("x".repeat(40)))).isEqualTo(30);
	}

	private static ApiToken ending(String name, Instant endAt) {
		return new ApiToken("id-" + name, name, "", TokenScope.DEPLOYMENT, "STANDARD", "abc", null,
				NOW.minus(Duration.ofDays(40)), null, null, null, endAt, 30, null, null,
				List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")), null);
	}
}
