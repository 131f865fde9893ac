package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_DEV_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.WORKSPACE_DATA_ID;
import static dev.astroshell.sandbox.SandboxSeed.WORKSPACE_ML_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.astroshell.sandbox.SandboxHttp.Response;
import tools.jackson.databind.JsonNode;

/** The permission model ({@link Access}) through real HTTP: for each rule, a call it allows and one it refuses. */
class SandboxPermissionsTest {

	private static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	@RegisterExtension
	final RunningSandbox sandbox = new RunningSandbox();

	private SandboxHttp http;

	private String dev;

	@BeforeEach
	void clients() {
		http = sandbox.http();
		dev = sandbox.owner();
	}

	@Test
	void aDeploymentTokenActsOnlyOnItsOwnDeployment() {
		String ci = secretOf(SandboxSeed.TOKEN_CI_DEPLOY_ID); // DEPLOYMENT_ADMIN on etl-prod

		assertThat(http.get(TOKENS + "?deploymentId=" + DEPLOYMENT_ETL_PROD_ID, ci).status()).isEqualTo(200);
		assertThat(rename(SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID, ci).status()).isEqualTo(200);
		assertThat(rotate(SandboxSeed.TOKEN_EQUIPE_ID, ci).status()).isEqualTo(200);
		assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID, ci).status()).isEqualTo(200);

		Response list = http.get(TOKENS + "?deploymentId=" + DEPLOYMENT_ETL_STAGING_ID, ci);
		assertDenied(list, "cannot list tokens of deployment " + DEPLOYMENT_ETL_STAGING_ID, "needs a role on it");
		assertDenied(http.get(TOKENS, ci), "cannot list tokens of organization", "ORGANIZATION_MEMBER");
		assertNotFound(http.get(TOKENS + "/" + SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, ci));
		assertNotFound(rename(SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, ci));
		assertNotFound(rotate(SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, ci));
		assertNotFound(http.delete(TOKENS + "/" + SandboxSeed.TOKEN_ORG_BILLING_ID, ci));
		assertDenied(create("ORGANIZATION", null, "ORGANIZATION_OWNER", ci), "cannot create tokens in organization");
		assertDenied(create("DEPLOYMENT", DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN", ci),
				"cannot create tokens in deployment " + DEPLOYMENT_ETL_STAGING_ID);
		assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, dev).json().get("name").asString())
			.as("nothing changed").isEqualTo("airflow-sync");
		assertThat(create("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, "DEPLOYMENT_ADMIN", ci).status()).isEqualTo(200);
	}

	@Test
	void aDeploymentTokenChangesOnlyItsDeploymentsRolesOfOtherTokens() {
		String ci = secretOf(SandboxSeed.TOKEN_CI_DEPLOY_ID);
		String wsToken = SandboxSeed.TOKEN_WORKSPACE_DATA_ID; // WORKSPACE_AUTHOR on Data, DEPLOYMENT_ADMIN on etl-prod
		Map<String, String> workspaceRole = role("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_AUTHOR");

		assertThat(http.get(TOKENS + "/" + wsToken, ci).status()).as("it has a role on etl-prod").isEqualTo(200);
		assertThat(replaceRoles(wsToken, ci, workspaceRole,
				role("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, SandboxSeed.ROLE_DEPLOY_BOT)).status()).isEqualTo(200);

		assertDenied(replaceRoles(wsToken, ci, workspaceRole,
				role("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, SandboxSeed.ROLE_DEPLOY_BOT),
				role("DEPLOYMENT", DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN")),
				"cannot grant roles on deployment " + DEPLOYMENT_ETL_STAGING_ID);
		assertDenied(replaceRoles(wsToken, ci, role("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_OWNER"),
				role("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, SandboxSeed.ROLE_DEPLOY_BOT)),
				"cannot remove roles on workspace " + WORKSPACE_DATA_ID);
		assertDenied(rename(wsToken, ci), "cannot update tokens of workspace " + WORKSPACE_DATA_ID);
		assertThat(http.get(TOKENS + "/" + wsToken, dev).json().get("roles")).hasSize(2);
	}

	/**
	 * A deployment's admin may change the roles on its deployment of any token it reads, but a token it cannot read
	 * (here one of another deployment, and one of another workspace) is not found: no role it attaches makes the
	 * token readable, and no answer tells where the token has roles.
	 */
	@Test
	void aTokenTheCallerCannotReadIsNotFoundAndKeepsItsRoles() {
		String ci = secretOf(SandboxSeed.TOKEN_CI_DEPLOY_ID); // DEPLOYMENT_ADMIN on etl-prod
		Map<String, String> deployBotOnProd = role("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, SandboxSeed.ROLE_DEPLOY_BOT);
		Map<String, Map<String, String>> unreadable = Map.of(
				SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, role("DEPLOYMENT", DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN"),
				SandboxSeed.TOKEN_WORKSPACE_ML_ID, role("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_OPERATOR"));

		unreadable.forEach((tokenId, ownRole) -> {
			JsonNode before = http.get(TOKENS + "/" + tokenId, dev).json();
			assertNotFound(replaceRoles(tokenId, ci, ownRole, deployBotOnProd));
			assertNotFound(replaceRoles(tokenId, ci, deployBotOnProd));
			assertNotFound(http.get(TOKENS + "/" + tokenId, ci));
			assertThat(http.get(TOKENS + "/" + tokenId, dev).json()).as("nothing changed").isEqualTo(before);
		});
		assertThat(replaceRoles(SandboxSeed.TOKEN_ML_NOTEBOOK_ID, dev, role("DEPLOYMENT", DEPLOYMENT_ML_DEV_ID,
				"DEPLOYMENT_ADMIN"), deployBotOnProd).status()).as("the owner grants it").isEqualTo(200);
		assertThat(replaceRoles(SandboxSeed.TOKEN_ML_NOTEBOOK_ID, ci, role("DEPLOYMENT", DEPLOYMENT_ML_DEV_ID,
				"DEPLOYMENT_ADMIN")).status()).as("readable now through its etl-prod role").isEqualTo(200);
	}

	@Test
	void aDeploymentTokenWithACustomRoleOnlyReads() {
		String smoke = secretOf(SandboxSeed.TOKEN_STAGING_SMOKE_ID); // Deploy Bot on etl-staging

		assertThat(http.get(TOKENS + "?deploymentId=" + DEPLOYMENT_ETL_STAGING_ID, smoke).status()).isEqualTo(200);
		assertDenied(rename(SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, smoke),
				"cannot update tokens of deployment " + DEPLOYMENT_ETL_STAGING_ID,
				"WORKSPACE_OPERATOR or WORKSPACE_OWNER on workspace " + WORKSPACE_DATA_ID);
		assertDenied(rotate(SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, smoke), "cannot rotate tokens of deployment");
	}

	@Test
	void aWorkspaceOperatorManagesItsWorkspacesDeploymentTokensButNotWorkspaceTokens() {
		String operator = secretOf(SandboxSeed.TOKEN_WORKSPACE_ML_ID);

		assertThat(http.get(TOKENS + "?workspaceId=" + WORKSPACE_ML_ID, operator).status()).isEqualTo(200);
		assertThat(create("DEPLOYMENT", DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN", operator).status()).isEqualTo(200);
		assertThat(rename(SandboxSeed.TOKEN_ML_NOTEBOOK_ID, operator).status()).isEqualTo(200);

		assertDenied(create("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_MEMBER", operator),
				"cannot create tokens in workspace " + WORKSPACE_ML_ID, "WORKSPACE_OWNER");
		assertDenied(http.get(TOKENS + "?workspaceId=" + WORKSPACE_DATA_ID, operator),
				"cannot list tokens of workspace " + WORKSPACE_DATA_ID);
		assertNotFound(rename(SandboxSeed.TOKEN_CI_DEPLOY_ID, operator));
	}

	@Test
	void aWorkspaceAuthorReadsItsWorkspaceAndManagesOnlyTheDeploymentItAdministers() {
		String author = secretOf(SandboxSeed.TOKEN_WORKSPACE_DATA_ID);

		assertThat(http.get(TOKENS + "?workspaceId=" + WORKSPACE_DATA_ID, author).status()).isEqualTo(200);
		assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, author).status()).isEqualTo(200);
		assertThat(rename(SandboxSeed.TOKEN_CI_DEPLOY_ID, author).status()).isEqualTo(200);

		assertDenied(rename(SandboxSeed.TOKEN_AIRFLOW_SYNC_ID, author), "cannot update tokens of deployment");
		assertNotFound(http.get(TOKENS + "/" + SandboxSeed.TOKEN_ML_NOTEBOOK_ID, author));
	}

	@Test
	void aWorkspaceOwnerGrantsUpToItsOwnRoleInItsWorkspaceOnly() {
		String owner = create("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_OWNER", dev).json().get("token").asString();

		assertThat(create("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_OWNER", owner).status()).isEqualTo(200);
		assertThat(rotate(SandboxSeed.TOKEN_WORKSPACE_ML_ID, owner).status()).isEqualTo(200);

		assertDenied(create("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_MEMBER", owner),
				"cannot create tokens in workspace " + WORKSPACE_DATA_ID);
		assertDenied(create("ORGANIZATION", null, "ORGANIZATION_MEMBER", owner),
				"cannot create tokens in organization");
		assertDenied(replaceRoles(SandboxSeed.TOKEN_WORKSPACE_ML_ID, owner,
				role("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_OPERATOR"),
				role("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_OWNER")), "cannot grant roles on organization");
	}

	@Test
	void organizationMembersAndBillingAdminsOnlyRead() {
		for (String reader : List.of(SandboxSeed.TOKEN_ORG_READER_ID, SandboxSeed.TOKEN_ORG_BILLING_ID)) {
			String secret = secretOf(reader);
			assertThat(http.get(TOKENS, secret).json().get("totalCount").asInt()).isGreaterThan(10);
			assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_ML_NOTEBOOK_ID, secret).status()).isEqualTo(200);

			assertDenied(rename(SandboxSeed.TOKEN_CI_DEPLOY_ID, secret), "cannot update tokens of deployment");
			assertDenied(rotate(SandboxSeed.TOKEN_ORG_AUTOMATION_ID, secret), "cannot rotate tokens of organization");
			assertDenied(http.delete(TOKENS + "/" + SandboxSeed.TOKEN_STAGING_SMOKE_ID, secret),
					"cannot delete tokens of deployment");
			assertDenied(create("ORGANIZATION", null, "ORGANIZATION_MEMBER", secret),
					"cannot create tokens in organization", "(needs ORGANIZATION_OWNER)");
		}
	}

	@Test
	void anOrganizationMemberManagesTheDeploymentItAdministers() {
		String automation = secretOf(SandboxSeed.TOKEN_ORG_AUTOMATION_ID); // DEPLOYMENT_ADMIN on ml-dev

		assertThat(rename(SandboxSeed.TOKEN_ML_NOTEBOOK_ID, automation).status()).isEqualTo(200);
		assertDenied(rename(SandboxSeed.TOKEN_CI_DEPLOY_ID, automation), "cannot update tokens of deployment");
	}

	@Test
	void theOrganizationOwnerDoesEverything() {
		assertThat(create("ORGANIZATION", null, "ORGANIZATION_OWNER", dev).status()).isEqualTo(200);
		assertThat(rename(SandboxSeed.TOKEN_WORKSPACE_ML_ID, dev).status()).isEqualTo(200);
		assertThat(http.delete(TOKENS + "/" + SandboxSeed.TOKEN_ORG_BILLING_ID, dev).status()).isEqualTo(204);
	}

	/** A seed token's secret: the sandbox keeps none, so the owner rotates it and keeps the new one. */
	private String secretOf(String tokenId) {
		Response rotated = rotate(tokenId, dev);
		assertThat(rotated.status()).isEqualTo(200);
		return rotated.json().get("token").asString();
	}

	private Response rotate(String tokenId, String as) {
		return http.post(TOKENS + "/" + tokenId + "/rotate", as, null);
	}

	private Response rename(String tokenId, String as) {
		return http.post(TOKENS + "/" + tokenId, as, Map.of("name", "renamed"));
	}

	private Response create(String scope, String entityId, String role, String as) {
		Map<String, String> body = new java.util.HashMap<>(Map.of("name", "new", "scope", scope, "role", role));
		if (entityId != null) {
			body.put("entityId", entityId);
		}
		return http.post(TOKENS, as, body);
	}

	@SafeVarargs
	private Response replaceRoles(String tokenId, String as, Map<String, String>... roles) {
		return http.post(TOKENS + "/" + tokenId + "/roles", as, Map.of("roles", new ArrayList<>(List.of(roles))));
	}

	private static Map<String, String> role(String entityType, String entityId, String role) {
		return Map.of("entityType", entityType, "entityId", entityId, "role", role);
	}

	/** The answer for a token that does not exist: nothing in it tells about the token. */
	private static void assertNotFound(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(404);
		assertThat(response.json().get("message").asString()).isEqualTo("API token not found");
	}

	/** A 403 with the contract's error body, whose message says what was refused and which role it needs. */
	private static void assertDenied(Response response, String... messageParts) {
		assertThat(response.status()).as(response.text()).isEqualTo(403);
		JsonNode body = response.json();
		assertThat(body.get("statusCode").asInt()).isEqualTo(403);
		assertThat(body.get("requestId").asString()).isNotBlank();
		assertThat(body.get("message").asString()).startsWith("this API token cannot ").contains(messageParts);
	}
}
