package dev.astroshell.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.SeedFacts;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The session commands as typed: login (masked prompt, file, refusals), status, logout, contexts. */
@ScriptedShellTest
class SessionCommandsTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture sandbox;

	@Autowired
	Session session;

	@Autowired
	ConfigStore store;

	@TempDir
	Path dir;

	@BeforeEach
	void start() {
		prompter.reset();
		sandbox.fresh();
	}

	@AfterEach
	void allPromptsAnswered() {
		prompter.verifyAllConsumed();
		sandbox.fresh();
	}

	@Test
	void theTokenIsReadWithAMaskedPromptAndCheckedBeforeAnyCall() {
		prompter.expectSecret("Astro API token for example.com: ", "not-a-jwt");
		Result r = shell.run("login example.com");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(r.err().strip()).isEqualTo("Error: API Token is invalid or malformed");
		assertThat(session.current().domain()).as("nothing changed").isEqualTo("sandbox");
	}

	@Test
	void tokenLoginIsAstrosSpellingOfTheMaskedPromptAndContradictsATokenFile() {
		prompter.expectSecret("Astro API token for example.com: ", "not-a-jwt");
		Result r = shell.run("login example.com --token-login");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(r.err().strip()).isEqualTo("Error: API Token is invalid or malformed");
		Result both = shell.run("login example.com --token-login --token-file " + dir.resolve("token"));
		assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(both.err().strip())
			.isEqualTo("Error: --token-login asks for the token, --token-file reads it: give one of them");
		assertThat(shell.run("login --help").out()).contains("--token-login");
		assertThat(session.current().domain()).as("nothing changed").isEqualTo("sandbox");
	}

	@Test
	void aUrlIsRefusedAsADomainBeforeTheTokenIsAskedFor() {
		Result r = shell.run("login http://192.0.2.1");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err().strip()).startsWith("Error: 'http://192.0.2.1' is a URL, not a domain: give a host name")
			.doesNotContain("\n");
		assertThat(session.current().domain()).as("nothing changed").isEqualTo("sandbox");
	}

	@Test
	void withoutATerminalLoginNamesTheWaysToGiveAToken() {
		prompter.nonInteractive();
		Result r = shell.run("login example.com");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).contains("--token-file", "ASTRO_API_TOKEN");
	}

	@Test
	void anExpiredTokenFileIsRefused() throws Exception {
		Path file = Files.writeString(dir.resolve("token"),
				TokenClaimsTest.jwt("{\"permissions\":[\"organizationId:o\"],\"exp\":1000}") + "\n");
		Result r = shell.run("login example.com --token-file " + file);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(r.err().strip()).isEqualTo("Error: API Token is expired");
		Result missing = shell.run("login example.com --token-file " + dir.resolve("nope"));
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missing.err()).contains("cannot read the token file");
	}

	@Test
	void statusShowsWhereTheSessionIsButNeverTheSecret() {
		Result r = shell.run("status");
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).contains("Domain:       sandbox", "Credential:   sandbox",
				"Token ID:     " + SandboxSeed.TOKEN_DEVELOPMENT_ID, "Organization: Sandbox Org",
				"Deployment:   etl-prod (" + SandboxSeed.DEPLOYMENT_ETL_PROD_ID + ")");
		assertThat(r.out()).doesNotContain(sandbox.server().developmentToken()).doesNotContain("eyJ");
		assertThat(shell.run("whoami").out()).isEqualTo(r.out());
	}

	@Test
	void statusShowsEachNameOnItsOneLineWithControlsVisible() {
		String org = session.resolved().organizationId();
		session.setOrganization(new SessionContext.Ref(org, "Two\nlines \u001b[2J"));
		Result r = shell.run("status");
		assertThat(r.out()).contains("Organization: Two⏎lines \\e[2J (" + org + ")").doesNotContain("\u001b");
	}

	@Test
	void logoutThenLoginSandboxAgain() {
		assertThat(shell.run("logout").out()).contains("Logged out of sandbox");
		assertThat(session.current().loggedIn()).isFalse();
		Result r = shell.run("login sandbox");
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).contains(
				"Logged in to sandbox (organization Sandbox Org, workspace Data Engineering, deployment etl-prod)");
	}

	@Test
	void contextsListAndSwitch() {
		Result list = shell.run("context list -o json");
		assertThat(list.exitCode()).isZero();
		assertThat(list.out()).contains("\"domain\" : \"sandbox\"");
		Result unknown = shell.run("context switch nowhere.example.com");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.err()).contains("run 'login nowhere.example.com'");
		assertThat(shell.run("context switch sandbox").exitCode()).isZero();
	}

	@Test
	void workspaceAndOrganizationSwitchCompleteAndSwitch() {
		assertThat(shell.complete("workspace switch ")).contains(SandboxSeed.WORKSPACE_ML_ID, SeedFacts.WORKSPACE_ML,
				SandboxSeed.WORKSPACE_DATA_ID);
		assertThat(shell.complete("organization switch ")).contains(SandboxSeed.ORGANIZATION_ID, SeedFacts.ORGANIZATION);

		Result ws = shell.run("workspace switch \"" + SeedFacts.WORKSPACE_ML + "\"");
		assertThat(ws.exitCode()).isZero();
		assertThat(session.current().workspace().id()).isEqualTo(SandboxSeed.WORKSPACE_ML_ID);
		assertThat(session.current().deployment()).as("a deployment of another workspace is not kept").isNull();
		assertThat(shell.run("deployment list").out()).contains(SeedFacts.ML_DEV, SeedFacts.ML_PROD).doesNotContain(SeedFacts.ETL_PROD);
		assertThat(shell.run("deployment list --all").out()).contains(SeedFacts.ML_DEV, SeedFacts.ETL_PROD);

		prompter.expectSelect("Select a Workspace:", 0);
		assertThat(shell.run("workspace switch").exitCode()).isZero();
		assertThat(session.current().workspace().name()).isEqualTo(SeedFacts.WORKSPACE_DATA);

		Result org = shell.run("organization switch \"Sandbox Org\"");
		assertThat(org.exitCode()).isZero();
		assertThat(org.out()).as("the same organization clears nothing").doesNotContain("no longer current");
		assertThat(session.current().workspace().name()).as("kept").isEqualTo(SeedFacts.WORKSPACE_DATA);
		assertThat(shell.run("organization list -o json").out()).contains("\"id\" : \"" + SandboxSeed.ORGANIZATION_ID);
	}

	@Test
	void workspaceSwitchKeepsTheDeploymentOfThatWorkspaceAndSaysWhenItClearsIt() {
		Result same = shell.run("workspace switch \"" + SandboxSeed.WORKSPACE_DATA_NAME + "\"");
		assertThat(same.exitCode()).isZero();
		assertThat(same.out()).doesNotContain("no longer current");
		assertThat(session.current().deploymentId()).isEqualTo(SandboxFixture.ETL_PROD);
		assertThat(shell.run("status").out()).contains("Deployment:   etl-prod");

		Result other = shell.run("workspace switch \"Machine Learning\"");
		assertThat(other.exitCode()).isZero();
		assertThat(other.out().strip()).hasLineCount(1)
			.endsWith("; deployment etl-prod is in another workspace and is no longer current");
		assertThat(session.current().deployment()).isNull();
	}

	@Test
	void loginSandboxKeepsTheSavedDeploymentLikeContextSwitch() {
		shell.run("logout");
		assertThat(shell.run("login sandbox").exitCode()).isZero();
		assertThat(session.current().deploymentId()).isEqualTo(SandboxFixture.ETL_PROD);
		assertThat(session.current().workspaceId()).isEqualTo(SandboxSeed.WORKSPACE_DATA_ID);
	}

	@Test
	void contextSwitchWithoutADomainOffersAPickerThatMarksTheCurrentOne() {
		store.update(cfg -> cfg.with(new SavedConfig.Saved("example.com", null, null, null, null), false));
		SortedSet<String> domains = new TreeSet<>(store.load().contexts().keySet());
		domains.add("sandbox");
		List<String> labels = domains.stream().map(d -> d.equals("sandbox") ? "sandbox  (current)" : d).toList();
		prompter.expectSelect("Select a context:", labels, "sandbox  (current)");
		Result r = shell.run("context switch");
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out()).contains("Switched to sandbox");

		prompter.nonInteractive();
		Result oneShot = shell.run("context switch");
		assertThat(oneShot.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(oneShot.err()).contains("missing DOMAIN");
	}

	@Test
	void statusAsJsonHasTheFieldsButNeverTheSecret() {
		Result r = shell.run("status -o json");
		assertThat(r.exitCode()).as(r.err()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(r.out());
		assertThat(json.get("domain").asString()).isEqualTo("sandbox");
		assertThat(json.get("credential").asString()).isEqualTo("sandbox");
		assertThat(json.get("tokenId").asString()).isEqualTo(SandboxSeed.TOKEN_DEVELOPMENT_ID);
		assertThat(json.get("deployment").get("id").asString()).isEqualTo(SandboxFixture.ETL_PROD);
		assertThat(r.out()).doesNotContain(sandbox.server().developmentToken()).doesNotContain("eyJ");
	}
}
