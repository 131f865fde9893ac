package dev.astroshell.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.AppDirs;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;
import dev.astroshell.testing.SeedFacts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The change journal and undo over the sandbox (docs/commands.md §2.4): what the writes journal, what undo reverts
 * (through the writes' own use cases), what it refuses, and what it passes over.
 */
@ScriptedShellTest
class UndoTest {

	static final String ORG = SandboxSeed.ORGANIZATION_ID;

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String CI = SandboxSeed.TOKEN_CI_DEPLOY_ID;

	static final String EQUIPE = SandboxSeed.TOKEN_EQUIPE_ID;

	static final String WS_TOKEN = SandboxSeed.TOKEN_WORKSPACE_DATA_ID;

	static final String WORKSPACE = SandboxSeed.WORKSPACE_DATA_ID;

	static final String WS_MEMBER = SandboxSeed.TOKEN_WORKSPACE_DATA_MEMBER_ID;

	static final String ORG_READER = SandboxSeed.TOKEN_ORG_READER_ID;

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	JsonMapper json;

	@Autowired
	AppDirs dirs;

	@BeforeEach
	void fresh() throws IOException {
		fixture.fresh();
		prompter.reset();
		Files.deleteIfExists(journal());
	}

	@Test
	void undoRestoresARoleChangeAndASecondUndoRedoesIt() {
		ok(shell.run("deployment token update " + CI + " --role \"Deploy Bot\""));

		Result undo = ok(shell.run("undo"));

		assertThat(undo.out()).contains("Undoing entry 1: update of Ci Deploy Token",
				"role: Deploy Bot -> DEPLOYMENT_ADMIN");
		assertThat(read(CI).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.DEPLOYMENT_ADMIN);

		Result redo = ok(shell.run("undo"));

		assertThat(redo.out()).contains("Undoing entry 2: update of Ci Deploy Token");
		assertThat(read(CI).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.ROLE_DEPLOY_BOT);
		Result changes = ok(shell.run("changes"));
		assertThat(changes.out().lines().skip(1).map(l -> l.split("\\s+")[0] + " " + l.split("\\s+")[3]
				+ (l.contains("(undo of ") ? " undo" : "")))
			.containsExactly("3 update undo", "2 update undo", "1 update");
		assertThat(changes.out()).contains("role: DEPLOYMENT_ADMIN -> Deploy Bot", "done", "sandbox");
	}

	@Test
	void oneShotUndoRestoresARenameAndItsSecondUndoRedoesIt() {
		prompter.nonInteractive();
		ApiToken before = read(EQUIPE);
		ok(shell.runArguments("deployment", "token", "update", EQUIPE, "--new-name", "Équipe v2", "-d", "nouvelle"));

		Result undo = ok(shell.runArguments("undo"));

		assertThat(undo.out()).contains("name: Équipe v2 -> Équipe données",
				"description: nouvelle -> " + before.description());
		assertThat(read(EQUIPE).name()).isEqualTo(SeedFacts.TOKEN_EQUIPE);
		assertThat(read(EQUIPE).description()).isEqualTo(before.description());
		ok(shell.runArguments("undo"));
		assertThat(read(EQUIPE).name()).isEqualTo("Équipe v2");
	}

	@Test
	void aTokenChangedSinceIsNotRevertedUnlessForced() {
		ok(shell.run("deployment token update " + CI + " --role DAG_RUNNER"));
		ApiToken now = read(CI);
		session.api().updateToken(ORG, CI, new UpdateTokenRequest(now.name(), "changed by another writer")).block();
		fixture.clearRequests();

		Result refused = shell.runArguments("undo");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(refused.err()).contains("was changed since entry 1 (update of Ci Deploy Token)",
				"description: ", "-> changed by another writer", "'undo --force'");
		assertThat(fixture.requests()).as("reads only").allMatch(r -> r.startsWith("GET "));
		assertThat(read(CI).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.ROLE_DAG_RUNNER);

		ok(shell.runArguments("undo", "--force"));

		ApiToken reverted = read(CI);
		assertThat(reverted.deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.DEPLOYMENT_ADMIN);
		assertThat(reverted.description()).as("the other writer's change is kept").isEqualTo("changed by another writer");
	}

	@Test
	void aCreatedTokenIsDeletedAfterAConfirmationOneShotNeedsForce() throws IOException {
		Result create = ok(shell.run("deployment token create --name undo-me --role DAG_RUNNER -o json"));
		String id = json.readTree(create.out()).get("id").asString();

		prompter.nonInteractive();
		Result oneShot = shell.runArguments("undo");
		assertThat(oneShot.exitCode()).as(oneShot.err()).isEqualTo(ExitCodes.USAGE);
		assertThat(oneShot.err()).contains("--force");
		assertThat(read(id).name()).isEqualTo("undo-me");

		prompter.reset();
		prompter.expectConfirm("WARNING: API token deletion cannot be undone.\n"
				+ "Are you sure you want to delete the undo-me API token?", true);
		Result undo = ok(shell.run("undo"));

		prompter.verifyAllConsumed();
		assertThat(undo.out()).contains("Undoing entry 1: create of undo-me", "was successfully deleted");
		ApiException gone = catchThrowableOfType(ApiException.class, () -> read(id));
		assertThat(gone.isNotFound()).isTrue();
		Result again = shell.run("undo");
		assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(again.err()).contains("Entry 2 (delete of undo-me) cannot be undone");
	}

	@Test
	void aRotationCannotBeUndoneAndIsNamedWhenAnOlderChangeIsUndone() {
		ok(shell.run("deployment token update " + EQUIPE + " --role \"Deploy Bot\""));
		ok(shell.run("deployment token rotate " + CI + " --force"));

		Result undo = ok(shell.run("undo"));

		assertThat(undo.out()).contains("Entry 2 (rotate of Ci Deploy Token) cannot be undone: a rotation",
				"Undoing entry 1: update of Équipe données");
		assertThat(read(EQUIPE).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.ROLE_DAG_RUNNER);
	}

	@Test
	void aDeletionAloneLeavesNothingToUndoAndSaysWhy() {
		ok(shell.run("deployment token delete " + EQUIPE + " --force"));
		Result deleted = shell.run("undo");
		assertThat(deleted.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(deleted.err()).contains("nothing to undo. Entry 1 (delete of Équipe données) cannot be undone");
	}

	@Test
	void aGrantAddedIsRemovedAndARemovedOneIsAddedBackWithItsRole() {
		ok(shell.run("deployment token workspace-token remove " + WS_TOKEN + " --force"));
		assertThat(read(WS_TOKEN).deploymentRole(ETL_PROD)).isNull();

		ok(shell.run("undo"));

		assertThat(read(WS_TOKEN).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.DEPLOYMENT_ADMIN);
		ok(shell.run("undo"));
		assertThat(read(WS_TOKEN).deploymentRole(ETL_PROD)).as("the undo of the add-back removes it again").isNull();
	}

	@Test
	void aWorkspaceTokensRoleChangeAndRenameAreRestoredTogether() {
		ok(shell.run("workspace token update " + WS_MEMBER + " --new-name \"Data Eng author\" -r WORKSPACE_AUTHOR"));

		Result undo = ok(shell.run("undo"));

		assertThat(undo.out()).contains("Undoing entry 1: update of Data Eng author",
				"name: Data Eng author -> Data Eng reader", "role: WORKSPACE_AUTHOR -> WORKSPACE_MEMBER");
		ApiToken reverted = read(WS_MEMBER);
		assertThat(reverted.name()).isEqualTo("Data Eng reader");
		assertThat(reverted.roles()).extracting(TokenRole::role).containsExactly("WORKSPACE_MEMBER");
	}

	@Test
	void anOrganizationTokensRoleChangeIsRestored() {
		ok(shell.run("organization token update " + ORG_READER + " -r ORGANIZATION_BILLING_ADMIN"));

		Result undo = ok(shell.run("undo"));

		assertThat(undo.out()).contains("role: ORGANIZATION_BILLING_ADMIN -> ORGANIZATION_MEMBER");
		assertThat(read(ORG_READER).roles()).extracting(TokenRole::role).containsExactly("ORGANIZATION_MEMBER");
	}

	@Test
	void anOrganizationTokenGivenARoleOnAWorkspaceIsTakenOffItAgain() {
		ok(shell.run("workspace token organization-token add " + ORG_READER + " -r WORKSPACE_MEMBER"));
		assertThat(workspaceRole(read(ORG_READER))).isEqualTo("WORKSPACE_MEMBER");

		Result undo = ok(shell.run("undo"));

		assertThat(undo.out()).contains("Undoing entry 1: grant of Read-only auditor");
		assertThat(workspaceRole(read(ORG_READER))).isNull();
		assertThat(read(ORG_READER).roles()).extracting(TokenRole::role).containsExactly("ORGANIZATION_MEMBER");
	}

	@Test
	void aCreatedWorkspaceTokenIsListedWithItsRoleAndDeletedAfterAConfirmation() throws IOException {
		Result create = ok(shell.run("workspace token create --name undo-ws --role WORKSPACE_MEMBER -o json"));
		String id = json.readTree(create.out()).get("id").asString();
		assertThat(ok(shell.run("changes")).out()).contains("created with role WORKSPACE_MEMBER");

		prompter.expectConfirm("WARNING: API token deletion cannot be undone.\n"
				+ "Are you sure you want to delete the undo-ws API token?", true);
		Result undo = ok(shell.run("undo"));

		prompter.verifyAllConsumed();
		assertThat(undo.out()).contains("Undoing entry 1: create of undo-ws", "was successfully deleted");
		assertThat(catchThrowableOfType(ApiException.class, () -> read(id)).isNotFound()).isTrue();
	}

	@Test
	void aWorkspaceTokenWhoseRoleWasChangedSinceIsNotReverted() {
		ok(shell.run("workspace token update " + WS_MEMBER + " -r WORKSPACE_AUTHOR"));
		session.api()
			.updateTokenRoles(ORG, WS_MEMBER, new UpdateTokenRolesRequest(
					List.of(new TokenRole(EntityType.WORKSPACE, WORKSPACE, "WORKSPACE_OPERATOR",
							null))))
			.block();
		fixture.clearRequests();

		Result refused = shell.run("undo");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(refused.err()).contains("was changed since entry 1 (update of Data Eng reader)",
				"WORKSPACE_AUTHOR -> WORKSPACE_OPERATOR", "'undo --force'");
		assertThat(fixture.requests()).as("reads only").allMatch(r -> r.startsWith("GET "));
		assertThat(workspaceRole(read(WS_MEMBER))).isEqualTo("WORKSPACE_OPERATOR");
	}

	@Test
	void aDryRunShowsTheRequestsSendsNoneAndIsNotJournalled() throws IOException {
		ok(shell.run("deployment token update " + CI + " --role \"Deploy Bot\""));
		String journalled = Files.readString(journal());
		fixture.clearRequests();

		Result plan = ok(shell.run("undo --dry-run"));

		assertThat(plan.out()).contains("Would undo entry 1", "role: Deploy Bot -> DEPLOYMENT_ADMIN",
				"(dry run: nothing was sent)", "POST /v1/organizations/" + ORG + "/tokens/" + CI + "/roles");
		assertThat(fixture.requests()).allMatch(r -> r.startsWith("GET "));
		assertThat(Files.readString(journal())).isEqualTo(journalled);
	}

	@Test
	void noSecretIsJournalledAfterACreateAndARotation() throws IOException {
		Result create = ok(shell.run("deployment token create --name journalled --role DAG_RUNNER -o json"));
		Result rotate = ok(shell.run("deployment token rotate " + CI + " --force -o json"));
		String created = json.readTree(create.out()).get("token").asString();
		String rotated = json.readTree(rotate.out()).get("token").asString();

		String text = Files.readString(journal());

		assertThat(created).isNotBlank();
		assertThat(rotated).isNotBlank();
		assertThat(text).contains("journalled", CI).doesNotContain(created).doesNotContain(rotated);
		assertThat(Files.getPosixFilePermissions(journal())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void changesListsNewestFirstAsJsonAndHonoursTheLimit() {
		assertThat(ok(shell.run("changes")).out()).isEqualTo("No changes journalled yet." + System.lineSeparator());
		assertThat(shell.run("changes --limit 0").exitCode()).isEqualTo(ExitCodes.USAGE);
		ok(shell.run("deployment token update " + CI + " --role \"Deploy Bot\""));
		ok(shell.run("deployment token update " + EQUIPE + " -d \"a description\""));

		JsonNode all = json.readTree(ok(shell.run("changes -o json")).out());
		JsonNode one = json.readTree(ok(shell.run("changes --limit 1 --json")).out());

		assertThat(all).hasSize(2);
		assertThat(all.get(0).get("id").asLong()).isEqualTo(2);
		assertThat(all.get(0).get("tokenName").asString()).isEqualTo(SeedFacts.TOKEN_EQUIPE);
		assertThat(all.get(1).get("changes").get(0).get("after").asString()).isEqualTo(SeedFacts.ROLE_DEPLOY_BOT);
		assertThat(all.get(1).get("outcome").asString()).isEqualTo("DONE");
		assertThat(all.get(1).get("entityType").asString()).isEqualTo("DEPLOYMENT");
		assertThat(all.get(1).get("entityId").asString()).isEqualTo(ETL_PROD);
		assertThat(one).hasSize(1);
		assertThat(one.get(0).get("id").asLong()).isEqualTo(2);
	}

	@Test
	void aDamagedJournalNeverBreaksAWriteAndChangesSaysSo() throws IOException {
		Files.createDirectories(journal().getParent());
		Files.writeString(journal(), "{\"id\":1}\nnot json\n");
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		PrintStream original = System.err;
		Result write;
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			write = shell.run("deployment token update " + CI + " --role \"Deploy Bot\"");
		}
		finally {
			System.setErr(original);
		}

		assertThat(write.exitCode()).as(write.err()).isZero();
		assertThat(read(CI).deploymentRole(ETL_PROD)).isEqualTo(SeedFacts.ROLE_DEPLOY_BOT);
		assertThat(stderr.toString(StandardCharsets.UTF_8).lines()).singleElement()
			.asString()
			.startsWith("Warning: this change was not journalled: the change journal ")
			.contains("is damaged (line 1: not an entry of this journal)");
		assertThat(Files.readString(journal())).as("never overwritten").isEqualTo("{\"id\":1}\nnot json\n");
		Result changes = shell.run("changes");
		assertThat(changes.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(changes.errLines()).singleElement().asString().contains("is damaged", "move it away");
		assertThat(shell.run("undo").exitCode()).isEqualTo(ExitCodes.FAILURE);
	}

	private static String workspaceRole(ApiToken token) {
		return token.roles().stream()
			.filter(r -> EntityType.WORKSPACE.equals(r.entityType()) && WORKSPACE.equals(r.entityId()))
			.map(TokenRole::role)
			.findFirst()
			.orElse(null);
	}

	private Path journal() {
		return dirs.state().resolve(Journal.FILE_NAME);
	}

	private ApiToken read(String id) {
		return session.api().getToken(ORG, id).block();
	}

	private static Result ok(Result r) {
		assertThat(r.exitCode()).as(r.err()).isZero();
		return r;
	}
}
