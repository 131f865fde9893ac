package dev.astroshell.token;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.FakeAstroApi;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.Renderer;
import dev.astroshell.token.TokenLookup.Where;

import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.NOW;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.WORKSPACE;
import static dev.astroshell.token.TokenUnit.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values Astro may add to its enums later (a scope, an entity type) served by the API: listed and shown as their
 * text, kept in the JSON and in the role list a write sends back, and named in a refusal; never a failure.
 */
class UnknownApiValuesUnitTest {

	static final TokenScope AGENT = TokenScope.of("AGENT");

	/** A role on an entity type this client does not know, on the deployment. */
	static final TokenRole ON_A_BUNDLE = new TokenRole(EntityType.of("DAG_BUNDLE"), "nightly", "BUNDLE_VIEWER",
			DEPLOYMENT);

	final TokenUnit unit = new TokenUnit();

	final FakeAstroApi api = unit.api;

	@AfterEach
	void everyExpectedCallWasMade() {
		api.verifyAllCalled();
	}

	@Test
	void aListWithUnknownValuesShowsThemAsTheyAreInTheTableAndTheJson() {
		ApiToken agent = token("a1", "remote agent", AGENT, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"),
				ON_A_BUNDLE);
		unit.expectDeploymentList(agent, TokenUnit.deploymentToken("t1", "ci", "DAG_RUNNER"));
		List<ApiToken> listed = unit.tokens.ofDeployment(DEPLOYMENT);
		Renderer renderer = unit.renderer;

		assertThat(renderer.table(listed, TokenColumns.columns(Place.deployment(DEPLOYMENT), Clock.fixed(NOW, ZoneOffset.UTC))))
			.containsPattern("a1 +remote agent +AGENT +DEPLOYMENT_ADMIN")
			.containsPattern("t1 +ci +DEPLOYMENT +DAG_RUNNER");
		assertThat(renderer.json(listed)).contains("\"scope\" : \"AGENT\"", "\"entityType\" : \"DAG_BUNDLE\"",
				"\"scope\" : \"DEPLOYMENT\"");
	}

	@Test
	void aRoleWriteSendsARoleOfAnUnknownEntityTypeBackUnchanged() {
		ApiToken ci = token("t1", "ci", TokenScope.DEPLOYMENT, ON_A_BUNDLE, TokenRole.deployment(DEPLOYMENT, "DAG_RUNNER"));
		List<TokenRole> sent = List.of(ON_A_BUNDLE, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		unit.expectGet(ci).expectGet(ci); // the second: read again just before the role write
		api.expect("updateToken", ORG, "t1", new UpdateTokenRequest("ci", "")).reply(ci)
			.expect("updateTokenRoles", ORG, "t1", new UpdateTokenRolesRequest(sent))
			.reply(TokenLogicUnitTest.ROLES_WRITTEN);
		unit.expectGet(TokenLogicUnitTest.withRoles(ci, sent));

		assertThat(unit.update(new TokenUpdate("t1", null, null, null, "DEPLOYMENT_ADMIN", null)))
			.isEqualTo("Astro Deployment API token ci was successfully updated\nrole: DAG_RUNNER -> DEPLOYMENT_ADMIN");
	}

	@Test
	void aTokenOfAnUnknownScopeIsRefusedByNameAsTheApiCallsIt() {
		ApiToken agent = token("a1", "remote agent", AGENT, TokenRole.deployment(DEPLOYMENT, "DEPLOYMENT_ADMIN"));
		Where here = new Where(Place.deployment(DEPLOYMENT), WORKSPACE);

		assertThat(TokenLookup.DEPLOYMENT_TOKEN.refusal(agent, here)).isEqualTo(TokenLookup.WRONG_TYPE
				+ ": \"remote agent\" is an AGENT API token; 'deployment token update' takes Deployment API tokens only");
		assertThat(TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT.refusal(agent, here))
			.endsWith("is an AGENT API token; 'deployment token workspace-token update' takes Workspace API tokens only");
		assertThat(TokenLookup.label(TokenScope.of("AGENT\n\u001b[2J"))).as("the server's text, made inert")
			.startsWith("AGENT⏎")
			.endsWith(" API token")
			.doesNotContain("\u001b");
		assertThat(TokenScope.of("AGENT")).isEqualTo(AGENT).isNotEqualTo(TokenScope.DEPLOYMENT);
		assertThat(TokenScope.of("DEPLOYMENT")).isSameAs(TokenScope.DEPLOYMENT);
	}
}
