package dev.astroshell.token;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;
import dev.astroshell.testing.SeedFacts;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.token.SandboxTokens.role;
import static dev.astroshell.token.SandboxTokens.roles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * organization token … over the sandbox, one-shot as a script runs it (docs/commands.md §5): the same use cases as
 * the deployment's, on the organization's roles, and roles, which names every entity a token has a role on.
 */
@ScriptedShellTest
class OrganizationTokenCommandsTest {

	static final String NL = System.lineSeparator();

	static final String ORG = SandboxTokens.ORG;

	static final String AUTOMATION = SandboxSeed.TOKEN_ORG_AUTOMATION_ID;

	static final String BILLING = SandboxSeed.TOKEN_ORG_BILLING_ID;

	static final List<String> ROLES = List.of("ORGANIZATION_MEMBER", "ORGANIZATION_BILLING_ADMIN",
			"ORGANIZATION_OWNER");

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	@Test
	void listShowsOnlyOrganizationTokensWithTheirOrganizationRole() {
		Result r = shell.run("organization token list");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out().lines().findFirst()).get().asString().contains("ORGANIZATION ROLE");
		assertThat(r.out()).contains(AUTOMATION, BILLING, "ORGANIZATION_BILLING_ADMIN")
			.doesNotContain(SandboxSeed.TOKEN_WORKSPACE_DATA_ID, SandboxSeed.TOKEN_CI_DEPLOY_ID);
	}

	@Test
	void theListHasExpiresAndExpiringWithinAndEndsWithTheFooter() {
		assertThat(shell.run("organization token create -n soon -r ORGANIZATION_MEMBER -e 3").exitCode()).isZero();

		Result r = shell.run("organization token list --expiring-within 7");

		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).contains("ORGANIZATION ROLE", "EXPIRES");
		assertThat(lines).as("the header, the one token expiring within a week, the footer").hasSize(3);
		assertThat(lines.get(1)).contains("soon", "ORGANIZATION_MEMBER").as("3 days less the moments since").containsPattern("  in [23] days  ");
		assertThat(lines.get(2)).isEqualTo("1 token expires within 7 days");
	}

	@Test
	void createWritesAnOrganizationTokenAndJsonCarriesTheSecret() {
		JsonNode created = json.readTree(shell.run("organization token create -n terraform -r ORGANIZATION_MEMBER "
				+ "-d infra -o json").out());

		assertThat(created.get("outcome").asString()).isEqualTo("DONE");
		assertThat(created.get("scope").asString()).isEqualTo("ORGANIZATION");
		assertThat(SandboxTokens.statusWith(fixture, created.get("token").asString())).isEqualTo(200);
		assertThat(roles(fixture, created.get("id").asString()))
			.containsExactly(role("ORGANIZATION", ORG, "ORGANIZATION_MEMBER"));
	}

	@Test
	void createWithoutARoleInAScriptFailsBeforeAnyWrite() {
		prompter.nonInteractive();
		Result r = shell.run("organization token create -n terraform");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo("Error: missing role: pass --role (" + String.join(", ", ROLES)
				+ " or a custom organization role)" + NL);
		assertThat(writes()).isEmpty();
	}

	@Test
	void updateByIdWithTheRoleAsksNothingAndKeepsTheOtherRoles() {
		prompter.nonInteractive();
		Result r = shell.run("organization token update " + AUTOMATION + " -r ORGANIZATION_BILLING_ADMIN");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).isEqualTo("Astro Organization API token Org automation was successfully updated" + NL
				+ "role: ORGANIZATION_MEMBER -> ORGANIZATION_BILLING_ADMIN" + NL);
		assertThat(roles(fixture, AUTOMATION)).contains(role("ORGANIZATION", ORG, "ORGANIZATION_BILLING_ADMIN"),
				SandboxTokens.deploymentRole(SandboxFixture.ETL_PROD, SeedFacts.ROLE_DEPLOY_BOT));
	}

	@Test
	void updateByNameAsksForTheRoleStartingOnTheCurrentOne() {
		prompter.expectSelect("Role of `Billing export` (Organization API token) on " + SeedFacts.ORGANIZATION,
				List.of("ORGANIZATION_MEMBER", "ORGANIZATION_BILLING_ADMIN (current)", "ORGANIZATION_OWNER"),
				"ORGANIZATION_MEMBER");
		Result r = shell.run("organization token update --name \"Billing export\"");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).initial()).isEqualTo(1);
		assertThat(roles(fixture, BILLING)).containsExactly(role("ORGANIZATION", ORG, "ORGANIZATION_MEMBER"));
	}

	@Test
	void updateWithNothingGivenPicksTheTokenThenTheRole() {
		prompter.expectSelect("Please select the Organization API token:", 0);
		prompter.expectSelect("Role of `Billing export` (Organization API token) on " + SeedFacts.ORGANIZATION, 2);
		Result r = shell.run("organization token update");

		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(0).options()).anyMatch(o -> o.contains("Org automation"))
			.noneMatch(o -> o.contains("Data Eng"));
		assertThat(roles(fixture, BILLING)).containsExactly(role("ORGANIZATION", ORG, "ORGANIZATION_OWNER"));
	}

	@Test
	void updateDryRunRenamesNothing() {
		Result r = shell.run("organization token update " + BILLING + " -n invoices --dry-run -o json");

		assertThat(r.exitCode()).as(r.err()).isZero();
		JsonNode preview = json.readTree(r.out());
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("changes").get(0).get("after").asString()).isEqualTo("invoices");
		assertThat(writes()).isEmpty();
	}

	@Test
	void rotateAndDelete() {
		Result rotated = shell.run("organization token rotate " + BILLING + " -f -c");
		assertThat(rotated.exitCode()).as(rotated.err()).isZero();
		assertThat(SandboxTokens.statusWith(fixture, rotated.out().strip())).isEqualTo(200);

		Result dry = shell.run("organization token delete --name \"Billing export\" -f --dry-run");
		assertThat(dry.out()).startsWith("Astro Organization API token Billing export (" + BILLING
				+ ") would be deleted (dry run: nothing was sent)");

		Result deleted = shell.run("organization token delete --name \"Billing export\" -f");
		assertThat(deleted.exitCode()).as(deleted.err()).isZero();
		assertThat(SandboxTokens.isGone(fixture, BILLING)).isTrue();
	}

	@Test
	void aTokenOfAnotherScopeNamesTheCommandOfItsFamily() {
		Result r = shell.run("organization token rotate " + SandboxSeed.TOKEN_WORKSPACE_DATA_ID + " -f");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).endsWith("is a Workspace API token; use 'workspace token rotate'" + NL);
		assertThat(writes()).isEmpty();
	}

	@Test
	void tabOffersTheOrganizationsTokensAndRoles() {
		assertThat(shell.complete("organization token roles ")).contains(AUTOMATION, BILLING)
			.doesNotContain(SandboxSeed.TOKEN_WORKSPACE_DATA_ID);
		assertThat(shell.complete("organization token update -t ")).contains("Billing export", "Org pipeline")
			.doesNotContain("Data Eng workspace token");
		assertThat(shell.complete("organization token create -r ")).containsExactlyElementsOf(ROLES);
	}

	@Test
	void rolesNamesEveryEntityTheTokenHasARoleOn() {
		Result r = shell.run("organization token roles " + AUTOMATION);

		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).startsWith("ENTITY TYPE").contains("ENTITY ID", "ROLE");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).contains("ORGANIZATION", SeedFacts.ORGANIZATION, ORG, "ORGANIZATION_MEMBER");
		assertThat(lines.get(2)).contains("DEPLOYMENT", SeedFacts.ETL_PROD, SandboxFixture.ETL_PROD,
				SeedFacts.ROLE_DEPLOY_BOT);
		assertThat(lines.get(3)).contains("DEPLOYMENT", SeedFacts.ML_DEV, "DEPLOYMENT_ADMIN");

		JsonNode pipeline = json.readTree(shell.run("organization token roles --name \"Org pipeline\" --json").out());
		assertThat(pipeline.get(1).get("entity").asString()).isEqualTo(SeedFacts.WORKSPACE_DATA);
		assertThat(pipeline.get(1).get("role").asString()).isEqualTo("WORKSPACE_OPERATOR");
	}

	@Test
	void anOrganizationMemberCannotCreateOrGrantOrganizationTokens() {
		// a member's token, made by the owner, logs in; it reads every token but changes none
		String secret = shell.run("organization token create -n member -r ORGANIZATION_MEMBER -c").out().strip();
		SandboxLogin.as(shell, fixture, secret);

		Result create = shell.run("organization token create -n sneaky -r ORGANIZATION_OWNER");
		assertThat(create.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(create.err()).startsWith("Error: permission denied:");

		Result grant = shell.run("organization token update " + AUTOMATION + " -r ORGANIZATION_OWNER");
		assertThat(grant.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(grant.err()).contains("permission denied");
		assertThat(roles(fixture, AUTOMATION)).contains(role("ORGANIZATION", ORG, "ORGANIZATION_MEMBER"));
	}

	private List<String> writes() {
		return fixture.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
	}
}
