package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;

import static dev.astroshell.api.FakeAstroApi.status;
import static dev.astroshell.token.TokenLogicUnitTest.OTHER_DEPLOYMENT;
import static dev.astroshell.token.TokenLogicUnitTest.ROLES_WRITTEN;
import static dev.astroshell.token.TokenLogicUnitTest.renamed;
import static dev.astroshell.token.TokenLogicUnitTest.withRoles;
import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static dev.astroshell.token.TokenUnit.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code update --name} starting from a list read in the last minute: one E3 confirms the cached resolution and is
 * the token the writes start from; when it disagrees the list is read afresh. Each test states every request.
 */
class RecentListResolutionTest {

	static final TokenRole ADMIN = TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN");

	static final TokenRole RUNNER = TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER");

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	final ApiToken ci = token("t1", "ci", TokenScope.DEPLOYMENT, RUNNER);

	final ApiToken nightly = deploymentToken("t2", "nightly", "DAG_RUNNER");

	private int primed;

	@AfterEach
	void everyExpectedCallWasMade() {
		api.verifyAllCalled();
		unit.prompter.verifyAllConsumed();
	}

	@Test
	void coldTheListPagesThenTheWritesAndTheReadBack() {
		unit.expectDeploymentList(ci, nightly);
		expectRoleChange(ci, List.of(ADMIN));

		update("ci");

		assertThat(calls()).containsExactly("listTokens(org-1, " + query() + ", 0, 100)", "getToken(org-1, t1)",
				"updateToken(org-1, t1, " + new UpdateTokenRequest("ci", "") + ")",
				"updateTokenRoles(org-1, t1, " + new UpdateTokenRolesRequest(List.of(ADMIN)) + ")",
				"getToken(org-1, t1)");
	}

	@Test
	void warmOneE3ReplacesTheListAndItsRolesAreTheOnesSent() {
		primeCache(ci, nightly);
		// since the list was read, another writer gave the token a role on another deployment: E5 must keep it
		ApiToken now = withRoles(ci, List.of(RUNNER, OTHER_DEPLOYMENT));
		unit.expectGet(now);
		expectRoleChange(now, List.of(ADMIN, OTHER_DEPLOYMENT));

		update("ci");

		assertThat(calls()).as("E3 confirming, E3 again just before the writes, E4, E5 built from it, E3 reading back")
			.containsExactly("getToken(org-1, t1)", "getToken(org-1, t1)", "updateToken(org-1, t1, " + new UpdateTokenRequest("ci", "") + ")",
					"updateTokenRoles(org-1, t1, "
							+ new UpdateTokenRolesRequest(List.of(ADMIN, OTHER_DEPLOYMENT)) + ")",
					"getToken(org-1, t1)");
	}

	@Test
	void renamedSinceTheListIsReadAgainAndTheNameResolvedAfresh() {
		primeCache(ci, nightly);
		unit.expectGet(renamed(ci, "ci old")); // t1 is no longer "ci"; t3 took the name
		ApiToken newCi = deploymentToken("t3", "ci", "DAG_RUNNER");
		unit.expectDeploymentList(renamed(ci, "ci old"), newCi, nightly);
		expectRoleChange(newCi, List.of(ADMIN));

		update("ci");

		assertThat(calls()).as("E3 disagrees: the list again, then the writes on the token it names")
			.containsExactly("getToken(org-1, t1)", "listTokens(org-1, " + query() + ", 0, 100)",
					"getToken(org-1, t3)", "updateToken(org-1, t3, " + new UpdateTokenRequest("ci", "") + ")",
					"updateTokenRoles(org-1, t3, " + new UpdateTokenRolesRequest(List.of(ADMIN)) + ")",
					"getToken(org-1, t3)");
	}

	@Test
	void deletedSinceTheListIsReadAgainAndReportedNotFound() {
		primeCache(ci, nightly);
		api.expect("getToken", ORG, "t1").fail(status(404, "not found"));
		unit.expectDeploymentList(nightly);

		CliException e = catchThrowableOfType(CliException.class, () -> update("ci"));

		assertThat(e.getMessage()).isEqualTo("no Deployment API token was found for the API token name you provided");
		assertThat(calls()).containsExactly("getToken(org-1, t1)", "listTokens(org-1, " + query() + ", 0, 100)");
	}

	@Test
	void offTheDeploymentOrAnotherScopeSinceTheListIsReadAgain() {
		primeCache(ci, nightly);
		unit.expectGet(withRoles(ci, List.of(OTHER_DEPLOYMENT))); // its role here is gone
		unit.expectDeploymentList(nightly);
		assertThat(catchThrowableOfType(CliException.class, () -> update("ci"))).isNotNull();

		primeCache(nightly);
		unit.expectGet(token("t2", "nightly", TokenScope.WORKSPACE, RUNNER)); // now a workspace token
		unit.expectDeploymentList(token("t2", "nightly", TokenScope.WORKSPACE, RUNNER));
		assertThat(catchThrowableOfType(CliException.class, () -> update("nightly"))).isNotNull();

		assertThat(calls()).filteredOn(c -> c.startsWith("update")).as("nothing written").isEmpty();
	}

	@Test
	void aNameTheRecentListHoldsTwiceIsResolvedFromAFreshList() {
		ApiToken twin = deploymentToken("t3", "ci", "DEPLOYMENT_ADMIN");
		primeCache(ci, twin);
		unit.prompter.nonInteractive();
		unit.expectDeploymentList(ci, twin);

		assertThat(catchThrowableOfType(CliException.class, () -> update("ci")).getMessage()).contains("t1", "t3");
		assertThat(calls()).containsExactly("listTokens(org-1, " + query() + ", 0, 100)");
	}

	@Test
	void aListWrittenForOutputServesTheNextCommandAndTheCompletion() {
		unit.expectDeploymentList(ci, nightly);
		unit.tokens.eachPage(Place.deployment(DEPLOYMENT), page -> {
		});
		unit.expectGet(ci);
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "nightly run")).reply(ci);

		unit.prompter.nonInteractive(); // no --role: the role is kept
		unit.update(new TokenUpdate(null, "ci", null, "nightly run", null, null));

		assertThat(calls()).containsExactly("listTokens(org-1, " + query() + ", 0, 100)", "getToken(org-1, t1)",
				"updateToken(org-1, t1, " + new UpdateTokenRequest("ci", "nightly run") + ")");
	}

	@Test
	void rotateAndDeleteByNameStartFromTheRecentListToo() {
		ApiToken ws = token("w1", "shared", TokenScope.WORKSPACE, RUNNER, OTHER_DEPLOYMENT);
		primeCache(ci, ws);
		unit.expectGet(ci);
		api.expect("rotateToken", ORG, "t1").reply(ci);
		unit.rotate(null, "ci", true, null);
		assertThat(calls()).containsExactly("getToken(org-1, t1)", "rotateToken(org-1, t1)");

		primeCache(ci, ws);
		unit.expectGet(ws);
		unit.expectGet(ws); // read again just before the role write
		api.expect("updateTokenRoles", ORG, "w1", new UpdateTokenRolesRequest(List.of(OTHER_DEPLOYMENT)))
			.reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(ws, List.of(OTHER_DEPLOYMENT)));
		unit.delete(null, "shared", true, null);

		assertThat(calls()).as("E3 confirming, E3 again, then E5 without this deployment's role, and its read-back")
			.containsExactly("getToken(org-1, w1)", "getToken(org-1, w1)",
					"updateTokenRoles(org-1, w1, " + new UpdateTokenRolesRequest(List.of(OTHER_DEPLOYMENT)) + ")",
					"getToken(org-1, w1)");
	}

	@Test
	void theCacheKeepsSummariesWithTheRoleOnTheListsDeploymentOnly() {
		unit.expectDeploymentList(withRoles(ci, List.of(RUNNER, OTHER_DEPLOYMENT)));
		unit.tokens.ofDeployment(DEPLOYMENT);

		assertThat(TokenLookup.DEPLOYMENT_TOKEN.cachedCandidates(unit.tokens, new TokenLookup.Where(Place.deployment(DEPLOYMENT), null)))
			.containsExactly(new TokenSummary("t1", "ci", "", TokenScope.DEPLOYMENT, "DAG_RUNNER", ci.createdAt(),
				ci.endAt()));
	}

	private void primeCache(ApiToken... list) {
		unit.expectDeploymentList(list);
		unit.tokens.ofDeployment(DEPLOYMENT);
		api.verifyAllCalled();
		primed = api.calls().size();
	}

	/**
	 * E3 reading the token again just before the writes, E4 (name and description unchanged), E5 with {@code sent},
	 * and the read-back showing it.
	 */
	private void expectRoleChange(ApiToken token, List<TokenRole> sent) {
		unit.expectGet(token);
		api.expect("updateToken", ORG, token.id(), new UpdateTokenRequest(token.name(), "")).reply(token);
		api.expect("updateTokenRoles", ORG, token.id(), new UpdateTokenRolesRequest(sent)).reply(ROLES_WRITTEN);
		unit.expectGet(withRoles(token, sent));
	}

	private void update(String name) {
		unit.update(new TokenUpdate(null, name, null, null, "DEPLOYMENT_ADMIN", null));
	}

	/** The calls since the cache was primed. */
	private List<String> calls() {
		List<String> all = api.calls();
		return all.subList(primed, all.size());
	}

	private static String query() {
		return TokenQuery.ofDeployment(DEPLOYMENT).toString();
	}
}
