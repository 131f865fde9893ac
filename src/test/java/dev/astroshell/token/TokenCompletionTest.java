package dev.astroshell.token;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.CompletedBy;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab on the positional TOKEN_ID and the name options of rotate, delete, workspace-token … and organization-token …
 * offers the tokens each command would look among, from the short-lived cache.
 */
@ScriptedShellTest
class TokenCompletionTest {

	static final String EQUIPE = SandboxSeed.TOKEN_EQUIPE_ID;

	static final String CI = SandboxSeed.TOKEN_CI_DEPLOY_ID;

	static final String CI_OLD = SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;

	static final String WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;

	static final String ML_WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_ML_ID;

	static final String ORG_TOKEN = SandboxSeed.TOKEN_ORG_AUTOMATION_ID;

	static final String BILLING = SandboxSeed.TOKEN_ORG_BILLING_ID;

	static final String AIRFLOW = SandboxSeed.TOKEN_AIRFLOW_SYNC_ID;

	static final List<String> EVERY_TOKEN = List.of(EQUIPE, CI, CI_OLD, WS_TOKEN, ML_WS_TOKEN, ORG_TOKEN, BILLING,
			AIRFLOW, SandboxSeed.TOKEN_STAGING_SMOKE_ID, SandboxSeed.TOKEN_ML_NOTEBOOK_ID,
			SandboxSeed.TOKEN_ML_PROD_EXPIRED_ID, SandboxSeed.TOKEN_DEVELOPMENT_ID);

	static final String ML = " --workspace-id " + SandboxSeed.WORKSPACE_ML_ID + " ";

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
	void rotateOffersTheDeploymentsDeploymentTokens() {
		assertOffers("deployment token rotate ", EQUIPE, CI, CI_OLD);
		assertThat(shell.complete("deployment token rotate ")).contains("--name", "--force", "--clean-output");
		assertOffers("deployment token rotate cl", EQUIPE, CI, CI_OLD);
		assertOffers("de to ro --force ", EQUIPE, CI, CI_OLD);
		assertThat(shell.complete("deployment token rotate --name ")).containsExactlyInAnyOrder("Ci Deploy Token",
				"Équipe données");
		assertThat(shell.complete("deployment token rotate -t ")).containsExactlyInAnyOrder("Ci Deploy Token",
				"Équipe données");
		assertOffers("deployment token rotate --deployment-id " + SandboxSeed.DEPLOYMENT_ETL_STAGING_ID + " ", AIRFLOW,
				SandboxSeed.TOKEN_STAGING_SMOKE_ID);
	}

	@Test
	void deleteOffersEveryTokenWithARoleOnTheDeployment() {
		assertOffers("deployment token delete ", EQUIPE, CI, CI_OLD, WS_TOKEN, ORG_TOKEN);
		assertThat(shell.complete("deployment token delete --name ")).containsExactlyInAnyOrder("Ci Deploy Token",
				"Équipe données", "Data Eng workspace token", "Org automation");
	}

	@Test
	void workspaceAddAndRemoveOfferTheWorkspacesTokensUpdateTheDeployments() {
		assertOffers("deployment token workspace-token add ", WS_TOKEN);
		assertOffers("deployment token workspace-token add" + ML, ML_WS_TOKEN);
		assertThat(shell.complete("deployment token workspace-token add" + ML + "-n "))
			.containsExactly("ML workspace");
		assertThat(shell.complete("deployment token workspace-token add --workspace-token-name "))
			.containsExactly("Data Eng owner", "Data Eng reader", "Data Eng workspace token");
		assertOffers("deployment token workspace-token update ", WS_TOKEN);
		assertThat(shell.complete("deployment token workspace-token update -n "))
			.containsExactly("Data Eng workspace token");
		assertOffers("deployment token workspace-token remove ", WS_TOKEN);
		assertThat(shell.complete("deployment token workspace-token remove -n "))
			.containsExactly("Data Eng workspace token");
	}

	@Test
	void workspaceRemoveOffersOnlyTokensThatHaveARoleOnTheDeployment() {
		// the ML workspace token has no role on etl-prod: remove would refuse it, so Tab must not offer it
		assertOffers("deployment token workspace-token remove" + ML);
		assertThat(shell.complete("deployment token workspace-token remove" + ML + "-n ")).isEmpty();
	}

	@Test
	void organizationAddOffersTheOrganizationsTokensUpdateAndRemoveTheDeployments() {
		assertThat(shell.complete("deployment token organization-token add ")).contains(BILLING, ORG_TOKEN)
			.doesNotContain(WS_TOKEN, EQUIPE);
		assertThat(shell.complete("deployment token organization-token add --org-token-name ")).contains(
				"Billing export", "Org automation");
		assertOffers("deployment token organization-token update ", ORG_TOKEN);
		assertOffers("deployment token organization-token remove ", ORG_TOKEN);
		assertThat(shell.complete("deployment token organization-token remove --org-token-name "))
			.containsExactly("Org automation");
	}

	@Test
	void rolesDeploymentsAndWorkspaces() {
		for (String command : List.of("workspace-token add", "workspace-token update", "organization-token add",
				"organization-token update")) {
			assertThat(shell.complete("deployment token " + command + " --role ")).as(command)
				.containsExactly("DEPLOYMENT_ADMIN", SandboxSeed.ROLE_DAG_RUNNER, SandboxSeed.ROLE_DEPLOY_BOT);
		}
		assertThat(shell.complete("deployment token rotate --deployment-id ")).contains(SandboxFixture.ETL_PROD,
				SandboxSeed.DEPLOYMENT_ML_DEV_ID);
		assertThat(shell.complete("deployment token workspace-token add --workspace-id "))
			.containsExactlyInAnyOrder(SandboxSeed.WORKSPACE_DATA_ID, SandboxSeed.WORKSPACE_ML_ID);
	}

	@Test
	void aSecondTabAsksTheApiNothingAndAWriteRefreshesTheList() {
		List<String> lines = List.of("deployment token rotate ", "deployment token delete --name ",
				"deployment token workspace-token add ", "deployment token workspace-token update ",
				"deployment token organization-token add ", "deployment token organization-token remove ",
				"deployment token workspace-token add --role ");
		lines.forEach(shell::complete);
		fixture.clearRequests();
		lines.forEach(shell::complete);
		assertThat(fixture.requests()).isEmpty();

		assertThat(shell.run("deployment token delete " + EQUIPE + " --force").exitCode()).isZero();
		assertThat(shell.complete("deployment token rotate ")).doesNotContain(EQUIPE).contains(CI);
	}

	@Test
	void everyCommandCompletingATokenNamesItsLookup() {
		// without it, its TOKEN_ID and name option would silently propose nothing
		List<Method> completingTokens = Stream.of(DeploymentTokenCommands.class, TokenGrantCommands.class)
			.flatMap(type -> Stream.of(type.getDeclaredMethods()))
			.filter(m -> Stream.of(m.getParameters())
				.map(p -> p.getAnnotation(CompletedBy.class))
				.anyMatch(c -> c != null && (c.value() == TokenCompletion.Ids.class
						|| c.value() == TokenCompletion.Names.class)))
			.toList();
		assertThat(completingTokens).hasSize(9).allSatisfy(m -> assertThat(m.getAnnotation(LooksUp.class)).isNotNull());
	}

	/** The tokens offered at the end of {@code line} are exactly {@code ids} (option names aside). */
	private void assertOffers(String line, String... ids) {
		List<String> offered = shell.complete(line).stream().filter(EVERY_TOKEN::contains).toList();
		assertThat(offered).as(line).containsExactlyInAnyOrder(ids);
	}
}
