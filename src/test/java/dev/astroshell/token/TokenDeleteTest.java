package dev.astroshell.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.AstroProperties;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter.Kind;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.token.SandboxTokens.deploymentRole;
import static dev.astroshell.token.SandboxTokens.isGone;
import static dev.astroshell.token.SandboxTokens.role;
import static dev.astroshell.token.SandboxTokens.roles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deployment token delete over the sandbox (docs/commands.md §2.2): a DEPLOYMENT token is deleted (E7); a workspace or
 * organization token only loses its role on the deployment (E5), every other role kept.
 */
@ScriptedShellTest
class TokenDeleteTest {

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String EQUIPE = SandboxSeed.TOKEN_EQUIPE_ID;

	static final String WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;

	static final String ORG_TOKEN = SandboxSeed.TOKEN_ORG_AUTOMATION_ID;

	static final String CONFIRM_EQUIPE = DeleteToken.WARNING
			+ "\nAre you sure you want to delete the Équipe données API token?";

	static final String CONFIRM_WS = "The Workspace API token Data Eng workspace token will lose its role "
			+ "DEPLOYMENT_ADMIN on this Deployment; its other roles are kept.\n"
			+ "Are you sure you want to remove it from the Deployment?";

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
	void aDeploymentTokenByIdIsDeletedAfterTheWarningAndConfirmation() {
		prompter.expectConfirm(CONFIRM_EQUIPE, true);
		Result r = shell.run("deployment token delete " + EQUIPE);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).isEqualTo("Astro Deployment API token Équipe données was successfully deleted" + NL);
		assertThat(writes()).containsExactly("DELETE " + tokenPath(EQUIPE));
		assertThat(isGone(fixture, EQUIPE)).isTrue();
	}

	@Test
	void byNameAndByAliasWithForce() {
		Result r = shell.run("de to de -t \"Équipe données\" -f");
		assertThat(r.exitCode()).isZero();
		assertThat(prompter.shown()).isEmpty();
		assertThat(writes()).containsExactly("DELETE " + tokenPath(EQUIPE));
		assertThat(isGone(fixture, EQUIPE)).isTrue();
	}

	@Test
	void aDuplicateNameOffersTheMatchesAndDeletesOnlyTheChosenOne() {
		prompter.expectSelect("Please select the API token:", 0)
			.expectConfirm(DeleteToken.WARNING + "\nAre you sure you want to delete the "
					+ SandboxSeed.DUPLICATE_TOKEN_NAME + " API token?", true);
		Result r = shell.run("deployment token delete --name \"Ci Deploy Token\"");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		List<String> options = prompter.shown().get(0).options();
		assertThat(options).hasSize(2);
		String chosen = options.get(0).contains(SandboxSeed.TOKEN_CI_DEPLOY_ID) ? SandboxSeed.TOKEN_CI_DEPLOY_ID
				: SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
		String other = chosen.equals(SandboxSeed.TOKEN_CI_DEPLOY_ID) ? SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID
				: SandboxSeed.TOKEN_CI_DEPLOY_ID;
		assertThat(writes()).containsExactly("DELETE " + tokenPath(chosen));
		assertThat(isGone(fixture, chosen)).isTrue();
		assertThat(isGone(fixture, other)).isFalse();
	}

	@Test
	void theSelectorOffersEveryTokenWithARoleOnTheDeploymentAndThePickedOneGetsItsOwnQuestion() {
		// the picker's natural order, accents aside: Ci Deploy Token x2, Data Eng workspace token, Équipe données,
		// Org automation (E1 sorts Équipe last, by code point)
		prompter.expectSelect("Please select the API token:", 4)
			.expectConfirm("The Organization API token Org automation will lose its role " + SandboxSeed.ROLE_DEPLOY_BOT
					+ " on this Deployment; its other roles are kept.\n"
					+ "Are you sure you want to remove it from the Deployment?", true);
		Result r = shell.run("deployment token delete");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> options = prompter.shown().get(0).options();
		assertThat(options).hasSize(5);
		assertThat(options.get(3)).contains("Équipe données");
		assertThat(options.get(4)).contains("Org automation", ORG_TOKEN);
		assertThat(String.join("\n", options)).contains("Équipe données", "Ci Deploy Token", "Data Eng workspace token")
			.doesNotContain("Billing export", "ML workspace", "airflow-sync");
		assertThat(writes()).containsExactly("POST " + tokenPath(ORG_TOKEN) + "/roles");
	}

	@Test
	void declinedOrCancelledConfirmationWritesNothing() {
		prompter.expectConfirm(CONFIRM_EQUIPE, false);
		Result declined = shell.run("deployment token delete " + EQUIPE);
		assertThat(declined.exitCode()).isZero();
		assertThat(declined.out()).isEqualTo("Canceling API Token deletion" + NL);

		prompter.expectCancel(Kind.CONFIRM, CONFIRM_WS);
		Result cancelled = shell.run("deployment token delete " + WS_TOKEN);
		assertThat(cancelled.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(cancelled.out()).as("Esc prints the line 'n' prints").isEqualTo("Canceling API Token removal" + NL);
		assertThat(cancelled.err()).isEmpty();

		prompter.expectCancel(Kind.CONFIRM, CONFIRM_EQUIPE);
		Result cancelledDeletion = shell.run("deployment token delete " + EQUIPE);
		assertThat(cancelledDeletion.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(cancelledDeletion.out()).isEqualTo("Canceling API Token deletion" + NL);

		prompter.expectConfirm(CONFIRM_WS, false);
		Result declinedRemoval = shell.run("deployment token delete " + WS_TOKEN);
		assertThat(declinedRemoval.out()).isEqualTo("Canceling API Token removal" + NL);

		prompter.verifyAllConsumed();
		assertThat(writes()).isEmpty();
		assertThat(isGone(fixture, EQUIPE)).isFalse();
		assertThat(roles(fixture, WS_TOKEN)).contains(deploymentRole(ETL_PROD, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void nonInteractiveWithoutForceFailsNamingForce() {
		prompter.nonInteractive();
		for (String id : List.of(EQUIPE, WS_TOKEN)) {
			Result r = shell.run("deployment token delete " + id);
			assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).startsWith("Error: ").contains("--force");
			assertThat(r.out()).isEmpty();
		}
		assertThat(writes()).isEmpty();
	}

	@Test
	void aWorkspaceTokenOnlyLosesItsRoleOnTheDeployment() {
		prompter.expectConfirm(CONFIRM_WS, true);
		Result r = shell.run("deployment token delete " + WS_TOKEN);

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Workspace API token Data Eng workspace token was successfully removed from the Deployment" + NL);
		assertThat(writes()).containsExactly("POST " + tokenPath(WS_TOKEN) + "/roles");
		assertThat(roles(fixture, WS_TOKEN)).containsExactly(role("WORKSPACE", SandboxSeed.WORKSPACE_DATA_ID,
				"WORKSPACE_AUTHOR"));
	}

	@Test
	void anOrganizationTokenByNameKeepsItsOtherDeploymentAndOrganizationRoles() {
		Result r = shell.run("deployment token delete --name \"Org automation\" --force");

		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).isEqualTo(
				"Astro Organization API token Org automation was successfully removed from the Deployment" + NL);
		assertThat(writes()).containsExactly("POST " + tokenPath(ORG_TOKEN) + "/roles");
		assertThat(roles(fixture, ORG_TOKEN)).containsExactly(
				role("ORGANIZATION", SandboxSeed.ORGANIZATION_ID, "ORGANIZATION_MEMBER"),
				deploymentRole(SandboxSeed.DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN"));
	}

	@Test
	void aTokenWithoutARoleOnTheDeploymentIsRefused() {
		for (String id : List.of(SandboxSeed.TOKEN_WORKSPACE_ML_ID, SandboxSeed.TOKEN_ORG_BILLING_ID,
				SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, SandboxSeed.TOKEN_DEVELOPMENT_ID)) {
			Result r = shell.run("deployment token delete " + id + " --force");
			assertThat(r.exitCode()).as(id).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).contains("does not belong to the deployment " + ETL_PROD);
		}
		assertThat(writes()).isEmpty();
	}

	@Test
	void aDeletionWhoseAnswerIsLostIsConfirmedByReadingTheTokenBack() {
		loseAnswers("DELETE");
		Result r = shell.run("deployment token delete " + EQUIPE + " --force");
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Deployment API token Équipe données was successfully deleted "
				+ LostAnswer.CONFIRMED + NL);
		assertThat(fixture.requests()).as("E3, E7 (its answer lost), E3 answering 404")
			.containsExactly("GET " + tokenPath(EQUIPE), "DELETE " + tokenPath(EQUIPE), "GET " + tokenPath(EQUIPE));
		assertThat(isGone(fixture, EQUIPE)).isTrue();
	}

	@Test
	void aRemovalWhoseAnswerIsLostIsConfirmedByReadingTheRolesBack() {
		loseAnswers("POST");
		Result r = shell.run("deployment token delete " + WS_TOKEN + " --force");
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Workspace API token Data Eng workspace token was successfully removed "
				+ "from the Deployment " + LostAnswer.CONFIRMED + NL);
		assertThat(writes()).as("E5 once, never retried").containsExactly("POST " + tokenPath(WS_TOKEN) + "/roles");
		assertThat(roles(fixture, WS_TOKEN)).noneMatch(r2 -> r2.entityId().equals(ETL_PROD));
	}

	/** The sandbox carries out every request of this method and loses its answer. */
	private void loseAnswers(String method) {
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1.0, 1, "", method));
	}

	@Test
	void unknownIdAndUnknownName() {
		Result id = shell.run("deployment token delete clnosuchtoken0000000000000 --force");
		assertThat(id.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(id.err()).startsWith("Error: no API token with the ID clnosuchtoken0000000000000");

		Result name = shell.run("deployment token delete --name \"ML workspace\" --force");
		assertThat(name.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(name.err()).isEqualTo("Error: no API token was found for the API token name you provided" + NL);
		assertThat(writes()).isEmpty();
	}

	private List<String> writes() {
		return fixture.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
	}

	private static String tokenPath(String tokenId) {
		return "/v1/organizations/" + SandboxTokens.ORG + "/tokens/" + tokenId;
	}
}
