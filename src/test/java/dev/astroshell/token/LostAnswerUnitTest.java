package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
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

import static dev.astroshell.api.FakeAstroApi.lostAnswer;
import static dev.astroshell.api.FakeAstroApi.status;
import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.NOW;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.PAGE;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static dev.astroshell.token.TokenUnit.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A write whose answer did not arrive is never reported as "not changed" on a guess: the token is read back first
 * (E3; for create, E1: a namesake that was not there before the write), compensation runs only on a half-applied state the read-back
 * shows, and when the read-back fails too the change "may have happened". After every E5 the roles are read back, so
 * a change another writer replaced is reported. Every request is stated: the fake fails on any other.
 */
class LostAnswerUnitTest {

	static final CreateTokenRequest CREATE_CI = new CreateTokenRequest("ci", "DEPLOYMENT_ADMIN", TokenScope.DEPLOYMENT,
			null, DEPLOYMENT, null, null);

	static final String NOT_CREATED = "the token ci was not created (confirmed by reading the token list back): "
			+ "connection reset by api.test";

	static final String MAY_HAVE_HAPPENED = "check with `deployment token list`";

	static final TokenRolesResult WRITTEN = new TokenRolesResult(null, List.of(), List.of(), List.of());

	static final ApiToken CI = deploymentToken("t1", "ci", "DAG_RUNNER");

	static final ApiToken CI_RENAMED = TokenLogicUnitTest.renamed(CI, "ci main");

	static final UpdateTokenRequest RENAME = new UpdateTokenRequest("ci main", "");

	static final UpdateTokenRolesRequest TO_ADMIN = new UpdateTokenRolesRequest(
			List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")));

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	@BeforeEach
	void noPromptsWanted() {
		unit.prompter.nonInteractive();
	}

	@AfterEach
	void everyExpectedCallWasMade() {
		api.verifyAllCalled();
	}

	// ---- E4

	@Test
	void aRenameWhoseAnswerIsLostButWhichHappenedIsReportedAsDone() {
		unit.expectGet(CI).expectDeploymentList(CI);
		api.expect("updateToken", ORG, "t1", RENAME).fail(lostAnswer());
		unit.expectGet(CI_RENAMED);

		assertThat(rename()).isEqualTo("""
				Astro Deployment API token ci main was successfully updated \
				(the answer was lost; confirmed by reading the token back)
				name: ci -> ci main""");
	}

	@Test
	void aRenameWhoseAnswerIsLostAndWhichDidNotHappenSaysSoConfirmed() {
		unit.expectGet(CI).expectDeploymentList(CI);
		api.expect("updateToken", ORG, "t1", RENAME).fail(status(502, "Bad Gateway"));
		unit.expectGet(CI);

		assertThat(failure(this::rename)).isEqualTo(
				"the token ci was not changed (confirmed by reading the token back): Bad Gateway");
	}

	@Test
	void whenTheReadBackFailsTooTheRenameMayHaveHappened() {
		unit.expectGet(CI).expectDeploymentList(CI);
		api.expect("updateToken", ORG, "t1", RENAME).fail(lostAnswer());
		api.expect("getToken", ORG, "t1").fail(lostAnswer());

		assertThat(failure(this::rename)).startsWith("the update of ci may have happened (").endsWith(MAY_HAVE_HAPPENED);
	}

	@Test
	void aClearRefusalIsReportedAsItIsWithoutAReadBack() {
		unit.expectGet(CI).expectDeploymentList(CI);
		api.expect("updateToken", ORG, "t1", RENAME).fail(status(400, "name is too long"));

		ApiException e = catchThrowableOfType(ApiException.class, this::rename);
		assertThat(e.status()).isEqualTo(400);
	}

	// ---- E5 after E4: compensation only on the half-applied state the read-back shows

	@Test
	void aLostRoleChangeThatDidNotHappenRestoresTheName() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; the names for the rename
		api.expect("updateToken", ORG, "t1", RENAME).reply(CI_RENAMED);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(lostAnswer());
		unit.expectGet(CI_RENAMED);
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(CI);

		assertThat(failure(this::renameAndMakeAdmin))
			.startsWith("the role of ci was not changed: connection reset by api.test (confirmed by reading the token back)")
			.endsWith("; the name and description were restored");
	}

	@Test
	void aRestoreWhoseAnswerIsLostIsReadBackToo() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; the names for the rename
		api.expect("updateToken", ORG, "t1", RENAME).reply(CI_RENAMED);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(status(409, "conflict"));
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).fail(lostAnswer());
		unit.expectGet(CI);

		assertThat(failure(this::renameAndMakeAdmin)).isEqualTo("the role of ci was not changed: conflict; the name "
				+ "and description were restored (the answer was lost; confirmed by reading the token back)");
	}

	@Test
	void aLostRoleChangeThatHappenedIsDoneAndNothingIsRestored() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; the names for the rename
		api.expect("updateToken", ORG, "t1", RENAME).reply(CI_RENAMED);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(lostAnswer());
		unit.expectGet(TokenLogicUnitTest.withRoles(CI_RENAMED, TO_ADMIN.roles()));

		assertThat(renameAndMakeAdmin()).isEqualTo("""
				Astro Deployment API token ci main was successfully updated \
				(the answer was lost; confirmed by reading the token back)
				name: ci -> ci main
				role: DAG_RUNNER -> DEPLOYMENT_ADMIN""");
	}

	@Test
	void aLostRoleChangeWhoseReadBackFailsRestoresNothingAndSaysWhereTheNameIs() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; the names for the rename
		api.expect("updateToken", ORG, "t1", RENAME).reply(CI_RENAMED);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(lostAnswer());
		api.expect("getToken", ORG, "t1").fail(status(503, "Service Unavailable"));

		assertThat(failure(this::renameAndMakeAdmin))
			.startsWith("the change of the role of ci on the deployment dep-1 may have happened (")
			.endsWith(MAY_HAVE_HAPPENED + "; the token is now named ci main");
	}

	// ---- E5 read back: a concurrent writer

	@Test
	void aRoleChangeAnotherWriterReplacedIsReportedWithTheRolesNow() {
		TokenRole other = TokenRole.deployment("dep-2", "DEPLOYMENT_ADMIN");
		unit.expectGet(CI);
		unit.expectGet(CI); // read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(CI);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).reply(WRITTEN);
		unit.expectGet(TokenLogicUnitTest.withRoles(CI, List.of(TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"), other)));

		CliException e = catchThrowableOfType(CliException.class,
				() -> unit.update(new TokenUpdate("t1", null, null, null, "DEPLOYMENT_ADMIN", null)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo("the roles of ci were changed by another writer meanwhile: this change "
				+ "(role on dep-1: DAG_RUNNER -> DEPLOYMENT_ADMIN) was lost; its roles now: "
				+ "DAG_RUNNER on DEPLOYMENT dep-1, DEPLOYMENT_ADMIN on DEPLOYMENT dep-2");
	}

	@Test
	void aRoleChangeInPlaceBesideAnotherWritersChangeIsDoneAndNamesTheOtherChange() {
		TokenRole other = TokenRole.deployment("dep-2", "DEPLOYMENT_ADMIN");
		unit.expectGet(CI);
		unit.expectGet(CI); // read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(CI);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).reply(WRITTEN);
		unit.expectGet(TokenLogicUnitTest.withRoles(CI, List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"),
				other)));

		assertThat(unit.update(new TokenUpdate("t1", null, null, null, "DEPLOYMENT_ADMIN", null))).isEqualTo("""
				Astro Deployment API token ci was successfully updated (another writer changed its other roles \
				meanwhile; its roles now: DEPLOYMENT_ADMIN on DEPLOYMENT dep-1, DEPLOYMENT_ADMIN on DEPLOYMENT dep-2)
				role: DAG_RUNNER -> DEPLOYMENT_ADMIN""");
	}

	// ---- a lost answer while another writer acts: never "confirmed", never a restore over the other's change

	@Test
	void aLostRenameReadBackWithAnotherWritersNameIsAConflictNotANotChanged() {
		unit.expectGet(CI).expectDeploymentList(CI);
		api.expect("updateToken", ORG, "t1", RENAME).fail(lostAnswer());
		unit.expectGet(changedLater(TokenLogicUnitTest.renamed(CI, "theirs")));

		assertThat(failure(this::rename)).isEqualTo("the token ci was changed by another writer meanwhile, so "
				+ "whether this update was carried out first cannot be told (connection reset by api.test); it is now "
				+ "named theirs");
	}

	@Test
	void aLostRoleChangeReadBackAfterAnotherWritersChangeRestoresNothing() {
		unit.expectGet(CI);
		unit.expectGet(CI).expectDeploymentList(CI); // read again before the role write; the names for the rename
		api.expect("updateToken", ORG, "t1", RENAME).reply(CI_RENAMED);
		api.expect("updateTokenRoles", ORG, "t1", TO_ADMIN).fail(lostAnswer());
		unit.expectGet(changedLater(CI_RENAMED)); // the old role, but the token was changed since the rename

		assertThat(failure(this::renameAndMakeAdmin)).startsWith("the roles of ci were changed by another writer "
				+ "meanwhile: this change (role on dep-1: DAG_RUNNER -> DEPLOYMENT_ADMIN) is not there")
			.endsWith("; the token is now named ci main");
	}

	/** The token as another writer left it a moment after the command read it. */
	private static ApiToken changedLater(ApiToken t) {
		return new ApiToken(t.id(), t.name(), t.description(), t.scope(), t.kind(), t.shortToken(), t.startAt(),
				t.createdAt(), NOW, t.createdBy(), t.updatedBy(), t.endAt(), t.expiryPeriodInDays(), t.lastRotatedAt(),
				t.lastUsedAt(), t.roles(), null);
	}

	// ---- E6, E7, E2

	@Test
	void aRotationWhoseAnswerIsLostIsReadBack() {
		ApiToken rotated = new ApiToken("t1", "ci", "", TokenScope.DEPLOYMENT, "STANDARD", "xyz", null,
				CI.createdAt(), null, null, null, null, null, NOW, null, CI.roles(), null);
		unit.expectGet(CI);
		api.expect("rotateToken", ORG, "t1").fail(lostAnswer());
		unit.expectGet(rotated);
		assertThat(failure(() -> unit.rotate("t1", null, true, null)))
			.startsWith("the rotation of ci (t1) happened (the answer was lost; confirmed by reading the token back)")
			.contains("rotate again");

		unit.expectGet(CI);
		api.expect("rotateToken", ORG, "t1").fail(status(504, "Gateway Timeout"));
		unit.expectGet(CI);
		assertThat(failure(() -> unit.rotate("t1", null, true, null))).isEqualTo("the token ci was not "
				+ "rotated and its old secret still works (confirmed by reading the token back): Gateway Timeout");
	}

	@Test
	void aDeletionWhoseAnswerIsLostIsReadBack() {
		unit.expectGet(CI);
		api.expect("deleteToken", ORG, "t1").fail(lostAnswer());
		api.expect("getToken", ORG, "t1").fail(status(404, "token not found"));
		assertThat(unit.delete("t1", null, true, null)).isEqualTo("Astro Deployment API token ci was "
				+ "successfully deleted (the answer was lost; confirmed by reading the token back)");

		unit.expectGet(CI);
		api.expect("deleteToken", ORG, "t1").fail(lostAnswer());
		unit.expectGet(CI);
		assertThat(failure(() -> unit.delete("t1", null, true, null)))
			.startsWith("the token ci was not deleted (confirmed by reading the token back)");
	}

	@Test
	void aCreationWhoseAnswerIsLostIsLookedForAmongTheNamesakesThatWereNotThereBefore() {
		ApiToken older = CI; // a namesake created a day ago
		ApiToken justCreated = justCreated("t9");

		assertThat(lostCreate(List.of(older), List.of(older, justCreated)))
			.startsWith("the token ci was created (t9; the answer was lost")
			.endsWith("'deployment token rotate t9'");
		assertThat(lostCreate(List.of(older), List.of(older))).isEqualTo(NOT_CREATED);

		expectDeploymentList(older);
		api.expect("createToken", ORG, CREATE_CI).fail(lostAnswer());
		api.expect("listTokens", ORG, TokenQuery.ofDeployment(DEPLOYMENT), 0, PAGE).fail(status(503, "down"));
		assertThat(failure(this::create)).startsWith("the creation of ci may have happened (")
			.endsWith(MAY_HAVE_HAPPENED);
	}

	@Test
	void aNamesakeCreatedAMomentBeforeIsNotTakenForALostCreation() {
		// found by the fault soak: a create run again after a failure, whose second request fails too
		ApiToken aMomentAgo = justCreated("t8");
		assertThat(lostCreate(List.of(aMomentAgo), List.of(aMomentAgo))).isEqualTo(NOT_CREATED);
	}

	@Test
	void aLostCreationWhoseNamesakesCouldNotBeReadBeforeMayHaveHappened() {
		api.expect("listTokens", ORG, TokenQuery.ofDeployment(DEPLOYMENT), 0, PAGE).fail(status(503, "down"));
		api.expect("createToken", ORG, CREATE_CI).fail(lostAnswer());
		assertThat(failure(this::create)).startsWith("the creation of ci may have happened (")
			.contains("the token list could not be read before it either")
			.endsWith(MAY_HAVE_HAPPENED);
		api.verifyAllCalled();
	}

	/** A create of "ci" whose answer is lost, the deployment's tokens being {@code before} and then {@code after}. */
	private String lostCreate(List<ApiToken> before, List<ApiToken> after) {
		expectDeploymentList(before.toArray(ApiToken[]::new));
		api.expect("createToken", ORG, CREATE_CI).fail(lostAnswer());
		expectDeploymentList(after.toArray(ApiToken[]::new));
		return failure(this::create);
	}

	private static ApiToken justCreated(String id) {
		return new ApiToken(id, "ci", "", TokenScope.DEPLOYMENT, "STANDARD", "new", null, NOW, null, null, null, null,
				null, null, null, List.of(TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN")), null);
	}

	private void create() {
		unit.create("ci", null, "DEPLOYMENT_ADMIN", null, null);
	}

	private void expectDeploymentList(ApiToken... list) {
		api.expect("listTokens", ORG, TokenQuery.ofDeployment(DEPLOYMENT), 0, PAGE)
			.reply(new TokensPage(List.of(list), 0, PAGE, list.length));
	}

	private String rename() {
		return unit.update(new TokenUpdate("t1", null, "ci main", null, null, null));
	}

	private String renameAndMakeAdmin() {
		return unit.update(new TokenUpdate("t1", null, "ci main", null, "DEPLOYMENT_ADMIN", null));
	}

	/** The one-line message of the exit-1 failure {@code call} ends with. */
	private static String failure(Runnable call) {
		CliException e = catchThrowableOfType(CliException.class, call::run);
		assertThat(e).as("a failure").isNotNull();
		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).doesNotContain("\n");
		return e.getMessage();
	}
}
