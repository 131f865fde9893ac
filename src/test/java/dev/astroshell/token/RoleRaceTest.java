package dev.astroshell.token;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import dev.astroshell.sandbox.HeldRequest;
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
 * change is either kept by the other write or reported by a command, except in the window docs/api.md (E5) names.
 * The order of events is made by the selector's hook and by requests the sandbox holds until released, not by
 * timing. Each variant prints its figures (docs/api.md quotes them): trials, silent losses (a writer said done, its
 * change is gone, and no writer said so), and reports of another writer's change.
 */
@ScriptedShellTest
class RoleRaceTest {

	static final String ORG_AUTOMATION_ROLE = "Role of `Org automation` (Organization API token) on etl-prod";

	static final String ML_DEV_CHANGED = "the token Org automation was changed by another writer meanwhile: role on "
			+ "DEPLOYMENT " + DEPLOYMENT_ML_DEV_ID + ": DEPLOYMENT_ADMIN -> DAG_RUNNER";

	static final TokenRole ML_DEV_RUNNER = TokenRole.deployment(DEPLOYMENT_ML_DEV_ID, "DAG_RUNNER");

	static final int TRIALS = 20;

	/** The held variants are the same every time: a few trials show that. */
	static final int HELD_TRIALS = 5;

	/** How long a test waits for a request on its way before it fails; never a timing of the race. */
	static final Duration PATIENCE = Duration.ofSeconds(20);

	// the two writers on TOKEN_CI_DEPLOY_ID: A on etl-prod, B on etl-staging, from this list each trial

	static final List<TokenRole> CI_DEPLOY_BEFORE = List.of(TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN"),
			TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DAG_RUNNER"));

	static final TokenRole PROD_ASKED = TokenRole.deployment(ETL_PROD, SandboxSeed.ROLE_DAG_RUNNER);

	static final TokenRole STAGING_ASKED = TokenRole.deployment(DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN");

	static final TokenUpdate WRITER_A = new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null,
			SandboxSeed.ROLE_DAG_RUNNER, ETL_PROD);

	static final TokenUpdate WRITER_B = new TokenUpdate(TOKEN_CI_DEPLOY_ID, null, null, null, "DEPLOYMENT_ADMIN",
			DEPLOYMENT_ETL_STAGING_ID);

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
		fixture.server().clearPlannedFaults(); // releases a request a failed trial left held
	}

	// ---- (a) the selector open while another writer acts

	@Test
	void aChangeMadeWhileTheSelectorIsOpenIsShownAndKeptWhenTheUserGoesOnEveryTime() {
		List<TokenRole> seed = roles(TOKEN_ORG_AUTOMATION_ID);
		Tally tally = new Tally("selector open while another writer acts");
		for (int trial = 0; trial < TRIALS; trial++) {
			setRoles(TOKEN_ORG_AUTOMATION_ID, seed);
			prompter.reset();
			Said[] b = new Said[1];
			prompter.expectSelect(ORG_AUTOMATION_ROLE, 0, () -> b[0] = said(() -> updateGrant.run(
					new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID, null, "DAG_RUNNER",
							DEPLOYMENT_ML_DEV_ID))));
			prompter.expectConfirm(ML_DEV_CHANGED + ". Go on with the new state?", true);

			Said a = said(() -> updateGrant.run(
					new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID, null, null, ETL_PROD)));

			prompter.verifyAllConsumed();
			List<TokenRole> now = roles(TOKEN_ORG_AUTOMATION_ID);
			TokenRole aAsked = TokenRole.deployment(ETL_PROD, "DEPLOYMENT_ADMIN");
			tally.trial(a.toldOfAnother(true), a, now.contains(aAsked), b[0], now.contains(ML_DEV_RUNNER));
			assertThat(a.done() && b[0].done()).as("both said done").isTrue();
			assertThat(now).as("both changes in place: E5 was built from the read after the selector")
				.containsExactlyInAnyOrder(aAsked, ML_DEV_RUNNER,
						new TokenRole(EntityType.ORGANIZATION, ORGANIZATION_ID, "ORGANIZATION_MEMBER", null));
		}
		tally.print();
		assertThat(tally.silentLosses).isZero();
		assertThat(tally.reported).as("the other writer's change shown each time").isEqualTo(TRIALS);
	}

	@Test
	void aChangeMadeWhileTheSelectorIsOpenStopsTheWriteWhenTheUserSaysNo() {
		prompter.expectSelect(ORG_AUTOMATION_ROLE, 0, this::otherWriterSetsMlDevToDagRunner);
		prompter.expectConfirm(ML_DEV_CHANGED + ". Go on with the new state?", false);

		CliException e = catchThrowableOfType(CliException.class, () -> updateGrant
			.run(new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID, null, null, ETL_PROD)));

		assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(e.getMessage()).isEqualTo(RoleWrite.CHANGED_CANCELED);
		assertThat(roles(TOKEN_ORG_AUTOMATION_ID)).as("only the other writer's change").contains(ML_DEV_RUNNER,
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
		assertThat(e.getMessage()).isEqualTo(ML_DEV_CHANGED + "; nothing was changed");
	}

	// ---- (b) no injected delay: B's update has ended when A's starts

	@Test
	void anUpdateAfterAnotherWritersUpdateEndedKeepsItsChangeEveryTime() {
		prompter.nonInteractive();
		tokens.deploymentRoles(); // E8 once, before the trials
		Tally tally = new Tally("no delay, B's update ended before A's");
		for (int trial = 0; trial < TRIALS; trial++) {
			setRoles(TOKEN_CI_DEPLOY_ID, CI_DEPLOY_BEFORE);
			Said b = said(() -> update.run(WRITER_B));
			Said a = said(() -> update.run(WRITER_A));
			List<TokenRole> now = roles(TOKEN_CI_DEPLOY_ID);
			tally.trial(false, a, now.contains(PROD_ASKED), b, now.contains(STAGING_ASKED));
			assertThat(now).as("A's E5 is built from a read made after B's ended")
				.containsExactlyInAnyOrder(PROD_ASKED, STAGING_ASKED);
		}
		tally.print();
		assertThat(tally.silentLosses).isZero();
	}

	// ---- (c) A's write held on its way in while B's whole update runs

	@Test
	void anotherWritersUpdateWhileOurRenameIsHeldIsKeptAndSaid() throws Exception {
		Tally tally = heldTrials("A's E4 held while B's update runs", "/tokens/" + TOKEN_CI_DEPLOY_ID);

		assertThat(tally.silentLosses).as("E5 is built from E4's answer, which B's change is in").isZero();
		assertThat(tally.reported).as("A notes the change it kept").isEqualTo(HELD_TRIALS);
	}

	/**
	 * The window no client can see (docs/api.md, E5): B's update reads, writes and reads back while A's E5, built
	 * from a read made before, waits on its way in; A's list then replaces B's, and A's read-back matches what A
	 * sent. Nothing in the token tells A that another write came between (its updatedAt and updatedBy are A's E5's),
	 * and B has ended. Pinned here so that docs/api.md's figure is this test's.
	 */
	@Test
	void anotherWritersUpdateWhileOurRoleWriteIsHeldIsLostUnseenAsDocumented() throws Exception {
		Tally tally = heldTrials("A's E5 held while B's update runs", "/tokens/" + TOKEN_CI_DEPLOY_ID + "/roles");

		assertThat(tally.silentLosses).as("B's change, every time").isEqualTo(HELD_TRIALS);
		assertThat(tally.reported).isZero();
	}

	/** A's update with its first request to {@code heldPath} held until B's update has ended. */
	private Tally heldTrials(String variant, String heldPath) throws Exception {
		prompter.nonInteractive();
		tokens.deploymentRoles(); // E8 once, before the trials
		Tally tally = new Tally(variant);
		for (int trial = 0; trial < HELD_TRIALS; trial++) {
			setRoles(TOKEN_CI_DEPLOY_ID, CI_DEPLOY_BEFORE);
			HeldRequest held = fixture.server().holdNext("POST", heldPath);
			CompletableFuture<Said> writerA = CompletableFuture.supplyAsync(() -> said(() -> update.run(WRITER_A)));
			assertThat(held.awaitArrival(PATIENCE)).as("A's request held").isTrue();
			Said b = said(() -> update.run(WRITER_B));
			held.release();
			Said a = writerA.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			List<TokenRole> now = roles(TOKEN_CI_DEPLOY_ID);
			tally.trial(false, a, now.contains(PROD_ASKED), b, now.contains(STAGING_ASKED));
			assertThat(a.done() && b.done()).as("both said done").isTrue();
			assertThat(now).as("A's change in place").contains(PROD_ASKED);
		}
		tally.print();
		return tally;
	}

	// ---- both started at one instant: the window is met by chance

	@Test
	void concurrentPairsOfRoleWritesNeverLoseBothAndEveryFailureNamesTheOtherWriter() throws Exception {
		tokens.deploymentRoles(); // E8 once, before the trials
		prompter.nonInteractive();
		Tally tally = new Tally("no delay, both started at one instant");
		for (int trial = 0; trial < TRIALS; trial++) {
			setRoles(TOKEN_CI_DEPLOY_ID, CI_DEPLOY_BEFORE);
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<Said> prod = CompletableFuture.supplyAsync(() -> said(start, WRITER_A));
			CompletableFuture<Said> staging = CompletableFuture.supplyAsync(() -> said(start, WRITER_B));
			start.countDown();
			Said a = prod.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			Said b = staging.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			List<TokenRole> now = roles(TOKEN_CI_DEPLOY_ID);
			tally.trial(false, a, now.contains(PROD_ASKED), b, now.contains(STAGING_ASKED));
			assertThat(now.contains(PROD_ASKED) || now.contains(STAGING_ASKED)).as("never both changes gone").isTrue();
			assertThat(Stream.of(a, b).filter(s -> !s.done()))
				.as("a failure is another writer's change, said")
				.allSatisfy(s -> assertThat(s.failure()).contains("changed by another writer meanwhile"));
		}
		// the losses here are the held E5's window met by chance; how often depends on the scheduling, so the
		// figures are printed for the record and the verdict is on what the commands decide
		tally.print();
	}

	/** What one writer reported: its failure line (null when it said done) and its notes. */
	private record Said(String failure, List<String> notes) {

		boolean done() {
			return failure == null;
		}

		/** Whether it told of another writer's change (a conflict, a refusal, a kept change), or was asked about one. */
		boolean toldOfAnother(boolean asked) {
			return asked || Stream.concat(Stream.ofNullable(failure), notes.stream())
				.anyMatch(line -> line.contains("another writer"));
		}
	}

	/** The figures of one variant. */
	private static final class Tally {

		private final String variant;

		int trials;

		int silentLosses;

		int reported;

		Tally(String variant) {
			this.variant = variant;
		}

		/** One trial: a writer that said done while its change is gone, with no report of the other's, lost silently. */
		void trial(boolean aAsked, Said a, boolean aInPlace, Said b, boolean bInPlace) {
			trials++;
			boolean anyReport = a.toldOfAnother(aAsked) || b.toldOfAnother(false);
			silentLosses += (a.done() && !aInPlace && !anyReport ? 1 : 0) + (b.done() && !bInPlace && !anyReport ? 1 : 0);
			reported += (a.toldOfAnother(aAsked) ? 1 : 0) + (b.toldOfAnother(false) ? 1 : 0);
		}

		void print() {
			System.out.println("role race, " + variant + ": " + trials + " trials, " + silentLosses + " silent losses, "
					+ reported + " conflicts reported");
		}
	}

	private Said said(CountDownLatch start, TokenUpdate request) {
		try {
			start.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		return said(() -> update.run(request));
	}

	/** A writer's report: a refusal is its failure line. */
	private static Said said(Supplier<WriteResult> write) {
		try {
			WriteResult r = write.get();
			return new Said(r.error(), r.readBack() == null ? List.of() : r.readBack());
		}
		catch (CliException refused) {
			return new Said(refused.getMessage(), List.of());
		}
	}

	private void otherWriterSetsMlDevToDagRunner() {
		WriteResult other = updateGrant.run(new UpdateGrant.Options(GrantKind.ORGANIZATION, TOKEN_ORG_AUTOMATION_ID,
				null, "DAG_RUNNER", DEPLOYMENT_ML_DEV_ID));
		assertThat(other.failed()).isFalse();
	}

	/** The trial's starting state, written behind the commands' back. */
	private void setRoles(String tokenId, List<TokenRole> roles) {
		session.api().updateTokenRoles(ORGANIZATION_ID, tokenId, new UpdateTokenRolesRequest(roles)).block();
	}

	private List<TokenRole> roles(String tokenId) {
		return session.api().getToken(ORGANIZATION_ID, tokenId).block().roles();
	}
}
