package dev.astroshell.session;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code context import} against config files in the astro CLI's format, written here. */
@ScriptedShellTest
class ContextImportTest {

	@Autowired
	ShellDriver shell;

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
		sandbox.fresh();
	}

	@Test
	void bringsInEveryContextAndTheCurrentOneWithoutAnExpiredOrMissingToken() throws Exception {
		String local = "localhost:" + sandbox.server().port();
		String token = sandbox.server().developmentToken();
		String expired = TokenClaimsTest.jwt("{\"permissions\":[\"organizationId:o\"],\"exp\":1000}");
		Path file = Files.writeString(dir.resolve("config.yaml"), """
				context: %s
				contexts:
				  %s:
				    domain: %s
				    organization: %s
				    organization_product: HOSTED
				    workspace: %s
				    last_used_workspace: %s
				    token: Bearer %s
				    refreshtoken: ""
				    user_email: someone@example.com
				  astronomer_io:
				    domain: astronomer.io
				    organization: clorg
				    workspace: clws
				    token: Bearer %s
				  example_com:
				    domain: example.com
				    organization: clother
				    token: ""
				""".formatted(local, local.replace('.', '_'), local, SandboxSeed.ORGANIZATION_ID,
				SandboxSeed.WORKSPACE_DATA_ID, SandboxSeed.WORKSPACE_DATA_ID, token, expired));
		String before = Files.readString(file);

		Result r = shell.run("context import --file " + file);

		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).contains("Imported 3 of 3 contexts from " + file + "; current: " + local,
				"astronomer.io  organization clorg, workspace clws  (the token has expired: run 'login astronomer.io')",
				"example.com  organization clother, workspace none  (no token: run 'login example.com')")
			.doesNotContain(token)
			.doesNotContain("eyJ");
		assertThat(Files.readString(file)).as("astro's file is never written").isEqualTo(before);
		SavedConfig saved = store.load();
		assertThat(saved.context("astronomer.io").token()).as("no credential from an expired token").isNull();
		assertThat(saved.context("example.com").token()).isNull();
		assertThat(saved.context(local).token()).isEqualTo(token);

		Result status = shell.run("status");
		assertThat(status.out()).contains("Domain:       " + local, "Organization: Sandbox Org",
				"Workspace:    Data Engineering");
	}

	@Test
	void aLoginOfTheShellsOwnIsKeptUnlessReplaced() throws Exception {
		String local = "localhost:" + sandbox.server().port();
		Path token = Files.writeString(dir.resolve("token"), sandbox.server().developmentToken());
		assertThat(shell.run("login " + local + " --token-file " + token).exitCode()).isZero();
		Path file = Files.writeString(dir.resolve("config.yaml"), """
				contexts:
				  local:
				    domain: %s
				    organization: clsomewhere
				    token: ""
				""".formatted(local));
		assertThat(shell.run("context import --file " + file).out()).contains("Imported 0 of 1",
				"kept the shell's own login (--replace takes astro's)");
		assertThat(store.load().context(local).token()).isNotNull();
		assertThat(shell.run("context import --replace --file " + file).out()).contains("Imported 1 of 1");
		assertThat(store.load().context(local).token()).isNull();
	}

	@Test
	void aDamagedFileIsReportedInOneLineAndChangesNothing() throws Exception {
		SavedConfig before = store.load();
		Path file = Files.writeString(dir.resolve("config.yaml"), "contexts:\n  a: [unclosed\n  token: Bearer secret\n");
		Result r = shell.run("context import --file " + file);
		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.err().strip()).startsWith("Error: cannot import from " + file + ": it is not valid YAML")
			.doesNotContain("\n")
			.doesNotContain("secret");
		Result missing = shell.run("context import --file " + dir.resolve("nope.yaml"));
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missing.err()).contains("no astro CLI config at");
		Result directory = shell.run("context import --file " + dir);
		assertThat(directory.err()).contains("it is not a regular file");
		assertThat(store.load()).isEqualTo(before);
	}

}
