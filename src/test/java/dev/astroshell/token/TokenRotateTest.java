package dev.astroshell.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter.Kind;
import dev.astroshell.prompt.ScriptedPrompter.Shown;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.token.SandboxTokens.statusWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deployment token rotate over the sandbox (docs/commands.md §2.2, docs/api.md E6): which token, the confirmation, the
 * secret.
 */
@ScriptedShellTest
class TokenRotateTest {

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String EQUIPE = SandboxSeed.TOKEN_EQUIPE_ID;

	static final String SELECT_TOKEN = "Please select the Deployment API token:";

	static final String CONFIRM_EQUIPE = RotateToken.WARNING
			+ "\nAre you sure you want to rotate the Équipe données API token?";

	static final String NL = System.lineSeparator();

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
	void byIdAfterTheWarningAndConfirmationPrintsTheNewSecretOnceAndTheOldOneDies() {
		String before = rotateQuietly(EQUIPE);
		assertThat(statusWith(fixture, before)).as("the secret printed by a first rotation works").isEqualTo(200);
		fixture.clearRequests();

		prompter.expectConfirm(CONFIRM_EQUIPE, true);
		Result r = shell.run("deployment token rotate " + EQUIPE);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.err()).isEmpty();
		String secret = secretIn(r.out());
		assertThat(r.out().lines().toList()).containsExactly(
				"Astro Deployment API token Équipe données was successfully rotated",
				"Copy and paste this API token for your records.", "", secret, "",
				"You will not be shown this API token value again.");
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
		assertThat(statusWith(fixture, before)).as("the old secret is refused").isEqualTo(401);
		assertThat(statusWith(fixture, secret)).as("the new secret works").isEqualTo(200);
	}

	@Test
	void byUniqueNameWithCleanOutputPrintsOnlyTheSecret() {
		prompter.expectConfirm(CONFIRM_EQUIPE, true);
		Result r = shell.run("deployment token rotate --name \"Équipe données\" --clean-output");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).matches("[^\\s]+" + NL);
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
		assertThat(statusWith(fixture, r.out().strip())).isEqualTo(200);
	}

	@Test
	void shortOptionsAndAlias() {
		Result r = shell.run("de to ro -t \"Équipe données\" -c -f");
		assertThat(r.exitCode()).isZero();
		assertThat(r.out().lines()).hasSize(1);
		assertThat(prompter.shown()).isEmpty();
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
	}

	@Test
	void aDuplicateNameOffersOnlyTheMatchesAndRotatesTheChosenOne() {
		prompter.expectSelect(SELECT_TOKEN, 1)
			.expectConfirm(RotateToken.WARNING + "\nAre you sure you want to rotate the "
					+ SandboxSeed.DUPLICATE_TOKEN_NAME + " API token?", true);
		Result r = shell.run("deployment token rotate --name=\"Ci Deploy Token\"");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		Shown selector = prompter.shown().get(0);
		assertThat(selector.options()).hasSize(2).allSatisfy(o -> assertThat(o).contains("Ci Deploy Token"));
		String chosen = selector.options().get(1).contains(SandboxSeed.TOKEN_CI_DEPLOY_ID)
				? SandboxSeed.TOKEN_CI_DEPLOY_ID : SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
		assertThat(selector.options().get(1)).contains(chosen);
		assertThat(rotations()).containsExactly("POST " + rotatePath(chosen));
		assertThat(r.out()).startsWith("Astro Deployment API token Ci Deploy Token was successfully rotated");
	}

	@Test
	void withNeitherIdNorNameTheSelectorOffersTheDeploymentsDeploymentTokens() {
		prompter.expectSelect(SELECT_TOKEN, 2).expectConfirm(CONFIRM_EQUIPE, true);
		Result r = shell.run("deployment token rotate --force=false");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		List<String> options = prompter.shown().get(0).options();
		assertThat(options).hasSize(3);
		assertThat(options.get(0)).contains(SandboxSeed.DUPLICATE_TOKEN_NAME);
		assertThat(options.get(1)).contains(SandboxSeed.DUPLICATE_TOKEN_NAME);
		assertThat(options.get(2)).contains("Équipe données", EQUIPE);
		assertThat(String.join("\n", options)).doesNotContain("Data Eng workspace token", "Org automation");
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
	}

	@Test
	void declinedConfirmationWritesNothing() {
		prompter.expectConfirm(CONFIRM_EQUIPE, false);
		Result r = shell.run("deployment token rotate " + EQUIPE);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).isEqualTo("Canceling token rotation" + NL);
		assertThat(rotations()).isEmpty();
	}

	@Test
	void cancelledConfirmationSaysWhatNSaysWritesNothingAndExits2() {
		prompter.expectCancel(Kind.CONFIRM, CONFIRM_EQUIPE);
		Result r = shell.run("deployment token rotate " + EQUIPE);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.out()).as("the line 'n' prints").isEqualTo("Canceling token rotation" + NL);
		assertThat(r.err()).isEmpty();
		assertThat(rotations()).isEmpty();
	}

	@Test
	void forceAsksNothing() {
		Result r = shell.run("deployment token rotate " + EQUIPE + " --force");
		assertThat(r.exitCode()).isZero();
		assertThat(prompter.shown()).isEmpty();
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
	}

	@Test
	void nonInteractiveWithoutForceFailsNamingForceAndWritesNothing() {
		prompter.nonInteractive();
		Result r = shell.run("deployment token rotate " + EQUIPE);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("--force").startsWith("Error: ");
		assertThat(r.err().lines()).hasSize(1);
		assertThat(r.out()).isEmpty();
		assertThat(rotations()).isEmpty();

		Result forced = shell.run("deployment token rotate " + EQUIPE + " --force --clean-output");
		assertThat(forced.exitCode()).isZero();
		assertThat(rotations()).hasSize(1);
	}

	@Test
	void aTokenOfAnotherScopeIsATypeError() {
		Map.of(SandboxSeed.TOKEN_WORKSPACE_DATA_ID, "workspace", SandboxSeed.TOKEN_ORG_AUTOMATION_ID, "organization")
			.forEach((id, family) -> {
				Result r = shell.run("deployment token rotate " + id + " --force");
				assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
				assertThat(r.err()).startsWith("Error: the token selected is not of the type you are trying to modify: ")
					.endsWith(" API token; use '" + family + " token rotate'" + NL);
			});
		assertThat(rotations()).isEmpty();
	}

	@Test
	void aDeploymentTokenOfAnotherDeploymentIsRefused() {
		Result r = shell.run("deployment token rotate " + SandboxSeed.TOKEN_AIRFLOW_SYNC_ID + " --force");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("does not belong to the deployment " + ETL_PROD);
		assertThat(rotations()).isEmpty();
	}

	@Test
	void unknownIdAndUnknownName() {
		Result id = shell.run("deployment token rotate clnosuchtoken0000000000000 --force");
		assertThat(id.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(id.err()).startsWith("Error: no API token with the ID clnosuchtoken0000000000000");

		Result name = shell.run("deployment token rotate --name \"Nobody\" --force");
		assertThat(name.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(name.err())
			.isEqualTo("Error: no Deployment API token was found for the API token name you provided" + NL);
		assertThat(rotations()).isEmpty();
	}

	@Test
	void aDroppedConnectionIsReadBackAndReportedAsNotRotatedAndNeverRetried() {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, "/rotate", "POST"));
		fixture.server().dropNext(1);

		Result r = shell.run("deployment token rotate " + EQUIPE + " --force");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.out()).isEmpty();
		assertThat(r.err()).startsWith("Error: the token Équipe données was not rotated and its old secret still works "
				+ "(confirmed by reading the token back)");
		assertThat(r.err().lines()).hasSize(1);
		assertThat(rotations()).as("E6 is sent once, never retried").containsExactly("POST " + rotatePath(EQUIPE));
		assertThat(fixture.requests()).as("E3, E6, then E3 reading the token back").hasSize(3);
	}

	@Test
	void whenTheReadBackFailsTooTheRotationMayHaveHappened() {
		// every request on the token is dropped: E6, and each attempt of the E3 that would tell
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 1, 1, "/tokens/" + EQUIPE, ""));

		Result r = shell.run("deployment token rotate --name \"Équipe données\" --force");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).startsWith("Error: the rotation of Équipe données (" + EQUIPE + ") may have happened (")
			.contains("check with `deployment token list`", "the old token no longer works");
		assertThat(r.err().lines()).hasSize(1);
		assertThat(rotations()).as("E6 is sent once, never retried").containsExactly("POST " + rotatePath(EQUIPE));
	}

	@Test
	void aRotationWhoseAnswerIsLostReallyHappenedAndSaysSo() {
		String before = rotateQuietly(EQUIPE);
		fixture.clearRequests();
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, "/rotate", "POST"));
		fixture.server().loseNextAnswers(1);

		Result r = shell.run("deployment token rotate " + EQUIPE + " --force");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).startsWith("Error: the rotation of Équipe données (" + EQUIPE + ") happened "
				+ LostAnswer.CONFIRMED).contains("rotate again to get a usable secret");
		assertThat(rotations()).containsExactly("POST " + rotatePath(EQUIPE));
		assertThat(statusWith(fixture, before)).as("the rotation did happen: the old secret is dead").isEqualTo(401);
	}

	@Test
	void aGatewayErrorIsReadBackAndNotRetried() {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, "/rotate", "POST"));
		fixture.server().failNext(1, 503);

		Result r = shell.run("deployment token rotate " + EQUIPE + " --force");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err()).as("a 5xx may come from a proxy after the API rotated: the token is read back")
			.startsWith("Error: the token Équipe données was not rotated and its old secret still works "
					+ "(confirmed by reading the token back)");
		assertThat(rotations()).hasSize(1);
	}

	@Test
	void theSecretAppearsNowhereElse() {
		String secret = rotateQuietly(EQUIPE);
		Result list = shell.run("deployment token list -o json");
		Result table = shell.run("deployment token list");
		assertThat(list.out() + list.err() + table.out() + table.err()).doesNotContain(secret);
	}

	/** Rotates with --force --clean-output and returns the new secret. */
	private String rotateQuietly(String tokenId) {
		Result r = shell.run("deployment token rotate " + tokenId + " --force --clean-output");
		assertThat(r.exitCode()).as(r.err()).isZero();
		return r.out().strip();
	}

	/** The one line of the output that looks like a secret (a JWT). */
	private static String secretIn(String out) {
		List<String> jwts = out.lines().filter(l -> l.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+")).toList();
		assertThat(jwts).as("the secret is printed exactly once").hasSize(1);
		return jwts.get(0);
	}

	private List<String> rotations() {
		return fixture.requests().stream().filter(r -> r.endsWith("/rotate")).toList();
	}

	private static String rotatePath(String tokenId) {
		return "/v1/organizations/" + SandboxTokens.ORG + "/tokens/" + tokenId + "/rotate";
	}
}
