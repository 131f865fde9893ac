package dev.astroshell.token;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_DEV_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_ORG_AUTOMATION_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two writers changing one token's roles on two deployments, against one sandbox: E5 replaces the whole list, so a
 * change is either kept by the other write or reported by a command, never lost silently. The order of events is
 * made by the selector's hook, not by timing.
 */
@ScriptedShellTest
class RoleRaceTest {

	static final String ORG_AUTOMATION_ROLE = "Role of `Org automation` (Organization API token) on etl-prod";

	static final TokenRole ML_DEV_RUNNER = TokenRole.deployment(DEPLOYMENT_ML_DEV_ID, "DAG_RUNNER");

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	UpdateGrant updateGrant;

	@Autowired
	UpdateToken update;

	@Autowired
	Tokens tokens;

	@Autowired
	RoleWrite roleWrite;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	@AfterEach
	void noFaultsLeft() {
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);
	}

	// ---- (a) the selector open while another writer acts

	@Test
	void aChangeMadeWhileTheSelectorIsOpenIsShownAndKeptWhenTheUserGoesOn() {
		prompter.expectSelect(ORG_AUTOMATION_ROLE, 0, this::otherWriterSetsMlDevToDagRunner);
		prompter.expectConfirm("the token Org automation was changed by another writer meanwhile: role on DEPLOYMENT "
				+ DEPLOYMENT_ML_DEV_ID + ": DEPLOYMENT_ADMIN -> DAG_RUNNER. Go on with the new state?", true);

		WriteResult r = updateGrant.run(new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID, null,
				null, ETL_PROD));

		prompter.verifyAllConsumed();
		assertThat(r.failed()).isFalse();
		assertThat(roles()).as("both changes in place: E5 was built from the read after the selector")
			.containsExactlyInAnyOrder(TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN"), ML_DEV_RUNNER,
					new TokenRole(EntityType.ORGANIZATION, ORGANIZATION_ID, "ORGANIZATION_MEMBER", null));
	}

	@Test
	void aChangeMadeWhileTheSelectorIsOpenStopsTheWriteWhenTheUserSaysNo() {
		prompter.expectSelect(ORG_AUTOMATION_ROLE, 0, this::otherWriterSetsMlDevToDagRunner);
		prompter.expectConfirm("the token Org automation was changed by another writer meanwhile: role on DEPLOYMENT "
				+ DEPLOYMENT_ML_DEV_ID + ": DEPLOYMENT_ADMIN -> DAG_RUNNER. Go on with the new state?", false);

		CliException e = catchThrowableOfType(CliException.class, () -> updateGrant
			.run(new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID, null, null, ETL_PROD)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo(RoleWrite.CHANGED_CANCELED);
		assertThat(roles()).as("only the other writer's change").contains(ML_DEV_RUNNER,
				TokenRole.deployment(ETL_PROD, SandboxSeed.ROLE_DEPLOY_BOT));
	}

	@Test
	void aChangeMadeSinceTheTokenWasShownStopsAOneShotRunWithExitOneChangingNothing() {
		prompter.nonInteractive();
		ApiToken shown = session.api().getToken(ORGANIZATION_ID, TOKEN_ORG_AUTOMATION_ID).block();
		otherWriterSetsMlDevToDagRunner();

		CliException e = catchThrowableOfType(CliException.class,
				() -> roleWrite.fresh(Questions.of(prompter), shown, false));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo("the token Org automation was changed by another writer meanwhile: "
				+ "role on DEPLOYMENT " + DEPLOYMENT_ML_DEV_ID + ": DEPLOYMENT_ADMIN -> DAG_RUNNER; nothing was changed");
	}

	// ---- (b) no injected delay: two role writes at once on two deployments of one token

	@Test
	void twentyConcurrentPairsOfRoleWritesNeverLoseBothAndEveryFailureNamesTheOtherWriter() throws Exception {
		TokenRole prodAdmin = TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN");
		TokenRole stagingRunner = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DAG_RUNNER");
		TokenRole prodAsked = TokenRole.deployment(ETL_PROD, SandboxSeed.ROLE_DAG_RUNNER);
		TokenRole stagingAsked = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN");
		tokens.deploymentRoles(); // E8 once, before the trials
		prompter.nonInteractive();
		int silentLosses = 0;
		int reported = 0;
		for (int trial = 0; trial < 20; trial++) {
			session.api()
				.updateTokenRoles(ORGANIZATION_ID, TOKEN_CI_DEPLOY_ID,
						new UpdateTokenRolesRequest(List.of(prodAdmin, stagingRunner)))
				.block();
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<String> prod = CompletableFuture.supplyAsync(() -> outcome(start,
					new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null, SandboxSeed.ROLE_DAG_RUNNER, ETL_PROD)));
			CompletableFuture<String> staging = CompletableFuture.supplyAsync(() -> outcome(start,
					new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null, "DEPLOYMENT_ADMIN",
							DEPLOYMENT_ETL_STAGING_ID)));
			start.countDown();
			String prodSaid = prod.get(20, TimeUnit.SECONDS);
			String stagingSaid = staging.get(20, TimeUnit.SECONDS);
			List<TokenRole> now = read(TOKEN_CI_DEPLOY_ID).roles();
			silentLosses += lostSilently(prodSaid, now.contains(prodAsked)) + lostSilently(stagingSaid,
					now.contains(stagingAsked));
			reported += (prodSaid == null ? 0 : 1) + (stagingSaid == null ? 0 : 1);
			assertThat(now.contains(prodAsked) || now.contains(stagingAsked)).as("never both changes gone").isTrue();
			assertThat(Stream.of(prodSaid, stagingSaid).filter(s -> s != null))
				.as("a failure is another writer's change, said")
				.allSatisfy(s -> assertThat(s).contains("changed by another writer meanwhile"));
		}
		// E5 has no version check: a change whose E5 is in flight while the other write is read back cannot be seen
		// by either command (docs/api.md, E5). Started at one instant, the two commands often meet there; the figures
		// are printed for the record, and the verdict is on what the client decides, not on the scheduling
		System.out.println("role race, no delay: 20 trials, " + silentLosses + " silent losses, " + reported
				+ " conflicts or refusals reported");
	}

	/** 1 when a command said it succeeded but its change is not there at the end. */
	private static int lostSilently(String failure, boolean inPlace) {
		return failure == null && !inPlace ? 1 : 0;
	}

	/** The failure line of the update (a conflict or a refusal), or null when it reported success. */
	private String outcome(CountDownLatch start, TokenUpdate request) {
		try {
			start.await();
			WriteResult r = update.run(request);
			return r.error();
		}
		catch (CliException refused) {
			return refused.getMessage();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void otherWriterSetsMlDevToDagRunner() {
		WriteResult other = updateGrant.run(new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID,
				null, "DAG_RUNNER", DEPLOYMENT_ML_DEV_ID));
		assertThat(other.failed()).isFalse();
	}

	private List<TokenRole> roles() {
		return read(TOKEN_ORG_AUTOMATION_ID).roles();
	}

	private ApiToken read(String id) {
		return session.api().getToken(ORGANIZATION_ID, id).block();
	}
}
