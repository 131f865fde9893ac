package dev.astroshell.token;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.sandbox.SandboxRawStore;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * A token the sandbox serves with a scope, kind and role entity type that Astro may add one day: {@code deployment
 * token list} shows it with the values as they are, in the table and in the JSON, and lists the other tokens too.
 */
@ScriptedShellTest
class UnknownApiValuesShellTest {

	static final String AGENT_TOKEN_ID = "clagent0000000000000000001";

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void aTokenWithValuesThisClientDoesNotKnow() {
		fixture.fresh();
		SandboxRawStore.putToken(fixture.server().data(), ETL_PROD, """
				{"id": "%s", "name": "Remote agent", "description": "", "scope": "AGENT", "kind": "EPHEMERAL",
				 "shortToken": "agt", "startAt": "2026-01-01T00:00:00Z", "createdAt": "2026-01-01T00:00:00Z",
				 "updatedAt": "2026-01-01T00:00:00Z",
				 "roles": [{"entityType": "DEPLOYMENT", "entityId": "%s", "role": "DEPLOYMENT_ADMIN"},
				           {"entityType": "DAG_BUNDLE", "entityId": "nightly", "role": "BUNDLE_VIEWER",
				            "deploymentId": "%s"}]}
				""".formatted(AGENT_TOKEN_ID, ETL_PROD, ETL_PROD));
	}

	@Test
	void theTableShowsTheUnknownScopeAsItIs() {
		Result r = shell.run("deployment token list");
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(r.out().lines().filter(l -> l.startsWith(AGENT_TOKEN_ID)))
			.singleElement(STRING)
			.containsPattern("Remote agent +AGENT +DEPLOYMENT_ADMIN");
		assertThat(r.out().lines()).as("the seed's tokens on etl-prod are listed too").hasSize(7);
	}

	@Test
	void theJsonKeepsTheUnknownValues() {
		Result r = shell.run("deployment token list -o json");
		assertThat(r.exitCode()).as(r.err()).isZero();
		JsonNode agent = json.readTree(r.out())
			.valueStream()
			.filter(t -> t.get("id").asString().equals(AGENT_TOKEN_ID))
			.findFirst()
			.orElseThrow();
		assertThat(agent.get("scope").asString()).isEqualTo("AGENT");
		assertThat(agent.get("kind").asString()).isEqualTo("EPHEMERAL");
		assertThat(agent.get("roles").get(1).get("entityType").asString()).isEqualTo("DAG_BUNDLE");
		assertThat(agent.get("roles").get(1).get("deploymentId").asString()).isEqualTo(ETL_PROD);
	}
}
