package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_DEV_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.WORKSPACE_DATA_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.sandbox.SandboxHttp.Response;
import dev.astroshell.testing.SeedFacts;
import tools.jackson.databind.JsonNode;

class SandboxApiTest {

	private static final String ORG = "/v1/organizations/" + ORGANIZATION_ID;

	private static final String TOKENS = ORG + "/tokens";

	/** One server for the class; each test starts from the seed at the clock's first instant. */
	@TempDir
	static Path dir;

	private static final SandboxHttp.MovableClock clock = new SandboxHttp.MovableClock();

	private static SandboxServer server;

	private static SandboxHttp http;

	private static String dev;

	@BeforeAll
	static void start() {
		server = new SandboxServer(dir, 0, null, clock).start();
		http = SandboxHttp.of(server);
		dev = server.developmentToken();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void fresh() {
		clock.rewind();
		server.reset();
		server.clearRequests();
	}

	@Test
	void listsTokensWithTheContractsFieldsAndPagination() {
		Response page = http.get(TOKENS + "?limit=5&offset=2", dev);
		assertThat(page.status()).isEqualTo(200);
		assertThat(names(page.json())).containsExactly("tokens", "offset", "limit", "totalCount");
		assertThat(page.json().get("offset").asInt()).isEqualTo(2);
		assertThat(page.json().get("limit").asInt()).isEqualTo(5);
		assertThat(page.json().get("totalCount").asInt()).isGreaterThanOrEqualTo(12);
		assertThat(page.json().get("tokens")).hasSize(5);
		JsonNode token = page.json().get("tokens").get(0);
		assertThat(names(token)).contains("id", "name", "description", "scope", "kind", "shortToken", "startAt",
				"createdAt", "updatedAt", "createdBy", "roles")
			.doesNotContain("token");
		assertThat(page.text()).doesNotContain("null");
		assertThat(token.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

		assertThat(http.get(TOKENS + "?limit=0", dev).json().get("tokens")).isEmpty();
		assertThat(http.get(TOKENS + "?offset=1000", dev).json().get("tokens")).isEmpty();
		assertThat(http.get(TOKENS, dev).json().get("limit").asInt()).isEqualTo(20);
		for (String bad : List.of("limit=1001", "limit=-1", "offset=-1", "limit=x", "sorts=name", "sorts=id:asc",
				"sorts=name:up")) {
			Response error = http.get(TOKENS + "?" + bad, dev);
			assertThat(error.status()).as(bad).isEqualTo(400);
			assertThat(error.json().get("fieldErrors")).as(bad).isNotEmpty();
		}
	}

	@Test
	void sortsByRepeatedKeys() {
		List<String> byName = values(http.get(TOKENS + "?limit=100&sorts=name:asc&sorts=createdAt:desc", dev), "tokens",
				"name");
		assertThat(byName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		List<String> newestFirst = values(http.get(TOKENS + "?limit=100&sorts=createdAt:desc", dev), "tokens",
				"createdAt");
		assertThat(newestFirst).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(http.get(TOKENS + "?sorts=updatedAt:asc&sorts=description:desc", dev).status()).isEqualTo(200);
		List<String> workspaces = values(http.get(ORG + "/workspaces?sorts=name:desc", dev), "workspaces", "name");
		assertThat(workspaces).containsExactly(SeedFacts.WORKSPACE_ML, SeedFacts.WORKSPACE_DATA);
		assertThat(values(http.get(ORG + "/deployments?sorts=name:desc", dev), "deployments", "name"))
			.isSortedAccordingTo(Comparator.<String>naturalOrder().reversed());
		assertThat(values(http.get(ORG + "/roles?sorts=scopeType:desc&sorts=name:asc", dev), "roles", "scopeType"))
			.first().isEqualTo("WORKSPACE");
		assertThat(http.get("/v1/organizations?sorts=createdAt:asc", dev).status()).isEqualTo(200);
	}

	@Test
	void anUnknownSortIsA400OnEveryList() {
		for (String list : List.of(TOKENS, ORG + "/roles", ORG + "/deployments", ORG + "/workspaces",
				"/v1/organizations")) {
			assertFieldError(http.get(list + "?sorts=shoeSize:asc", dev), "sorts");
		}
		assertFieldError(http.get(ORG + "/deployments?sorts=description:asc", dev), "sorts");
	}

	@Test
	void listsTokensByKindDagAndDagTagAndSortsThemByStart() {
		assertThat(values(http.get(TOKENS + "?limit=100&dagTags=finance", dev), "tokens", "id"))
			.containsExactly(SandboxSeed.TOKEN_EQUIPE_ID);
		assertThat(values(http.get(TOKENS + "?limit=100&dagTags=marketing&dagTags=finance", dev), "tokens", "id"))
			.containsExactly(SandboxSeed.TOKEN_EQUIPE_ID);
		assertThat(values(http.get(TOKENS + "?limit=100&dagId=train_model", dev), "tokens", "id"))
			.containsExactly(SandboxSeed.TOKEN_ML_NOTEBOOK_ID);
		assertThat(values(http.get(TOKENS + "?limit=100&dagId=finance", dev), "tokens", "id"))
			.as("a tag is not a DAG").isEmpty();
		String direct = http.post(TOKENS, dev, Map.of("name", "direct", "scope", "ORGANIZATION", "role",
				"ORGANIZATION_MEMBER", "kind", "DIRECT_ACCESS")).json().get("id").asString();
		assertThat(values(http.get(TOKENS + "?limit=100&kind=DIRECT_ACCESS", dev), "tokens", "id"))
			.containsExactly(direct);
		assertThat(values(http.get(TOKENS + "?limit=100&kind=STANDARD", dev), "tokens", "id")).hasSize(
				http.get(TOKENS, dev).json().get("totalCount").asInt() - 1);
		assertFieldError(http.get(TOKENS + "?kind=ODD", dev), "kind");
		assertThat(values(http.get(TOKENS + "?limit=100&sorts=tokenStartAt:desc", dev), "tokens", "startAt"))
			.isSortedAccordingTo(Comparator.<String>naturalOrder().reversed())
			.first().as("the token made just now starts last").isEqualTo(
					http.get(TOKENS + "/" + direct, dev).json().get("startAt").asString());
		assertThat(values(http.get(TOKENS + "?limit=100&sorts=tokenStartAt:asc", dev), "tokens", "startAt"))
			.isSorted();
	}

	@Test
	void filtersTokensByDeploymentWorkspaceAndOrganization() {
		JsonNode onEtlProd = http.get(TOKENS + "?limit=100&deploymentId=" + DEPLOYMENT_ETL_PROD_ID, dev).json();
		assertThat(values(onEtlProd, "tokens", "scope")).contains("DEPLOYMENT", "WORKSPACE", "ORGANIZATION");
		assertThat(values(onEtlProd, "tokens", "name")).filteredOn(SeedFacts.TOKEN_CI_DEPLOY::equals)
			.hasSize(2);
		onEtlProd.get("tokens").forEach(t -> assertThat(t.get("roles").toString()).contains(DEPLOYMENT_ETL_PROD_ID));

		JsonNode ofWorkspace = http.get(TOKENS + "?limit=100&workspaceId=" + WORKSPACE_DATA_ID, dev).json();
		assertThat(values(ofWorkspace, "tokens", "id")).contains(SandboxSeed.TOKEN_WORKSPACE_DATA_ID,
				SandboxSeed.TOKEN_CI_DEPLOY_ID, SandboxSeed.TOKEN_AIRFLOW_SYNC_ID)
			.doesNotContain(SandboxSeed.TOKEN_WORKSPACE_ML_ID, SandboxSeed.TOKEN_ML_NOTEBOOK_ID,
					SandboxSeed.TOKEN_ORG_AUTOMATION_ID);

		JsonNode orgOnly = http.get(TOKENS + "?limit=100&includeOnlyOrganizationTokens=true", dev).json();
		assertThat(values(orgOnly, "tokens", "scope")).containsOnly("ORGANIZATION").hasSizeGreaterThanOrEqualTo(3);

		assertThat(http.get(TOKENS + "?deploymentId=nope", dev).status()).isEqualTo(404);
		assertThat(http.get(TOKENS + "?workspaceId=nope", dev).status()).isEqualTo(404);
		assertThat(http.get(TOKENS + "?includeOnlyOrganizationTokens=maybe", dev).status()).isEqualTo(400);
	}

	@Test
	void createsGetsUpdatesReplacesRolesRotatesAndDeletesATokens() {
		Response created = http.post(TOKENS, dev, Map.of("name", "Équipe nightly", "description", "d", "scope",
				"DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", SeedFacts.ROLE_DEPLOY_BOT, "tokenExpiryPeriodInDays", 30));
		assertThat(created.status()).isEqualTo(200);
		JsonNode token = created.json();
		String id = token.get("id").asString();
		String secret = token.get("token").asString();
		assertThat(id).matches("cl[a-z0-9]{23}");
		assertThat(token.get("expiryPeriodInDays").asInt()).isEqualTo(30);
		assertThat(token.get("endAt").asString()).isNotBlank();
		assertThat(token.get("createdBy").get("apiTokenName").asString()).isEqualTo("Development token");
		assertThat(token.get("roles").get(0).toString()).contains("DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID, SeedFacts.ROLE_DEPLOY_BOT);
		JsonNode claims = SandboxHttp.JSON.readTree(
				java.util.Base64.getUrlDecoder().decode(secret.split("\\.")[1]));
		assertThat(claims.get("apiTokenId").asString()).isEqualTo(id);
		assertThat(claims.get("iss").asString()).isEqualTo("astro-sandbox");
		assertThat(claims.get("permissions").toString()).contains("organizationId:" + ORGANIZATION_ID,
				"workspaceId:" + WORKSPACE_DATA_ID);
		assertThat(claims.has("exp")).isTrue();

		Response got = http.get(TOKENS + "/" + id, secret);
		assertThat(got.status()).as("the new token is a valid credential").isEqualTo(200);
		assertThat(got.json().has("token")).isFalse();
		assertThat(got.json().get("name").asString()).isEqualTo("Équipe nightly");

		Response updated = http.post(TOKENS + "/" + id, dev, Map.of("name", "renamed"));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("renamed");
		assertThat(updated.json().get("description").asString()).as("absent description is kept").isEqualTo("d");

		Response roles = http.post(TOKENS + "/" + id + "/roles", dev, Map.of("roles", List.of(
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"),
				Map.of("entityType", "DAG", "entityId", "daily_load", "role", "DAG_VIEWER", "deploymentId",
						DEPLOYMENT_ETL_PROD_ID))));
		assertThat(roles.status()).isEqualTo(200);
		assertThat(roles.json().get("deploymentRoles").get(0).get("role").asString()).isEqualTo("DEPLOYMENT_ADMIN");
		assertThat(roles.json().get("dagRoles").get(0).get("dagId").asString()).isEqualTo("daily_load");
		Response tagged = http.post(TOKENS + "/" + id + "/roles", dev, Map.of("roles", List.of(
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"),
				Map.of("entityType", "DAG_TAG", "entityId", "finance", "role", "DAG_VIEWER", "deploymentId",
						DEPLOYMENT_ETL_PROD_ID))));
		assertThat(tagged.json().get("dagRoles").get(0)).as("v1's DagRole names a tag dagTag")
			.isEqualTo(SandboxHttp.JSON.readTree("{\"deploymentId\":\"" + DEPLOYMENT_ETL_PROD_ID
					+ "\",\"dagTag\":\"finance\",\"role\":\"DAG_VIEWER\"}"));
		assertThat(http.get(TOKENS + "/" + id, dev).json().get("roles")).hasSize(2);

		Response rotated = http.post(TOKENS + "/" + id + "/rotate", dev, null);
		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.json().get("token").asString();
		assertThat(newSecret).isNotEqualTo(secret);
		assertThat(rotated.json().get("lastRotatedAt")).isNotNull();
		assertThat(http.get(TOKENS + "/" + id, secret).status()).as("old secret refused at once").isEqualTo(401);
		assertThat(http.get(TOKENS + "/" + id, newSecret).status()).isEqualTo(200);

		Response deleted = http.delete(TOKENS + "/" + id, dev);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(http.get(TOKENS + "/" + id, dev).status()).isEqualTo(404);
		assertThat(http.get(ORG, newSecret).status()).as("a deleted token is refused").isEqualTo(401);
	}

	@Test
	void createsWorkspaceAndOrganizationTokens() {
		Response workspace = http.post(TOKENS, dev, Map.of("name", "ws", "scope", "WORKSPACE", "entityId",
				WORKSPACE_DATA_ID, "role", "WORKSPACE_OPERATOR"));
		assertThat(workspace.status()).isEqualTo(200);
		assertThat(workspace.json().has("endAt")).isFalse();
		Response org = http.post(TOKENS, dev, Map.of("name", "org", "scope", "ORGANIZATION", "role",
				"ORGANIZATION_MEMBER", "kind", "DIRECT_ACCESS"));
		assertThat(org.status()).isEqualTo(200);
		assertThat(org.json().get("roles").get(0).get("entityId").asString()).isEqualTo(ORGANIZATION_ID);
		assertThat(org.json().get("kind").asString()).isEqualTo("DIRECT_ACCESS");
	}

	@Test
	void refusesInvalidCreatesWithFieldErrors() {
		Map<String, Map<String, Object>> cases = Map.of(
				"name", Map.of("scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER"),
				"role", Map.of("name", "x", "scope", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role",
						"WORKSPACE_OWNER"),
				"scope", Map.of("name", "x", "scope", "GALAXY", "role", "DEPLOYMENT_ADMIN"),
				"entityId", Map.of("name", "x", "scope", "DEPLOYMENT", "role", "DEPLOYMENT_ADMIN"),
				"tokenExpiryPeriodInDays", Map.of("name", "x", "scope", "ORGANIZATION", "role",
						"ORGANIZATION_MEMBER", "tokenExpiryPeriodInDays", 3651),
				"description", Map.of("name", "x", "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER",
						"description", "d".repeat(SandboxApi.MAX_DESCRIPTION + 1)),
				"kind", Map.of("name", "x", "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER", "kind", "ODD"));
		cases.forEach((field, body) -> assertFieldError(http.post(TOKENS, dev, body), field));
		assertFieldError(http.post(TOKENS, dev, Map.of("name", "n".repeat(SandboxApi.MAX_NAME + 1), "scope",
				"ORGANIZATION", "role", "ORGANIZATION_MEMBER")), "name");
		Response longest = http.post(TOKENS, dev, Map.of("name", "n".repeat(SandboxApi.MAX_NAME), "description",
				"d".repeat(SandboxApi.MAX_DESCRIPTION), "scope", "ORGANIZATION", "role", "ORGANIZATION_MEMBER"));
		assertThat(longest.status()).as("the published spec's limits: 256 and 500").isEqualTo(200);
		assertFieldError(http.post(TOKENS + "/" + longest.json().get("id").asString(), dev, Map.of("name", "x",
				"description", "d".repeat(SandboxApi.MAX_DESCRIPTION + 1))), "description");
		assertFieldError(http.post(TOKENS, dev, Map.of("name", "x", "scope", "WORKSPACE", "entityId", "nope",
				"role", "WORKSPACE_OWNER")), "entityId");
		assertFieldError(http.post(TOKENS, dev, Map.of("name", "x", "scope", "ORGANIZATION", "role",
				"ORGANIZATION_MEMBER", "tokenExpiryPeriodInDays", 0)), "tokenExpiryPeriodInDays");
		for (String pastLong : List.of("9223372036854775808", "-9223372036854775809", "4294967297")) {
			assertFieldError(http.post(TOKENS, dev, "{\"name\":\"x\",\"scope\":\"ORGANIZATION\","
					+ "\"role\":\"ORGANIZATION_MEMBER\",\"tokenExpiryPeriodInDays\":" + pastLong + "}"),
					"tokenExpiryPeriodInDays");
		}
		assertThat(http.post(TOKENS, dev, Map.of("name", "x", "scope", "WORKSPACE", "entityId", WORKSPACE_DATA_ID,
				"role", SeedFacts.ROLE_WORKSPACE_AUDITOR)).status()).as("custom workspace role").isEqualTo(200);

		Response malformed = http.post(TOKENS, dev, "{not json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(http.post(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, dev, Map.of("name", "")).status())
			.isEqualTo(400);
	}

	@Test
	void refusesInvalidRoleReplacements() {
		String path = TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID + "/roles";
		assertFieldError(http.post(path, dev, Map.of()), "roles");
		assertFieldError(http.post(path, dev, Map.of("roles", List.of(Map.of("entityType", "DEPLOYMENT",
				"entityId", DEPLOYMENT_ETL_PROD_ID, "role", "NOPE")))), "roles[0].role");
		assertFieldError(http.post(path, dev, Map.of("roles", List.of(Map.of("entityType", "DEPLOYMENT",
				"entityId", "nope", "role", "DEPLOYMENT_ADMIN")))), "roles[0].entityId");
		assertFieldError(http.post(path, dev, Map.of("roles", List.of(
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"),
				Map.of("entityType", "DAG", "entityId", "d", "role", "DAG_VIEWER")))), "roles[1].deploymentId");
		assertFieldError(http.post(path, dev, Map.of("roles", List.of(Map.of("entityType", "DEPLOYMENT",
				"entityId", DEPLOYMENT_ML_DEV_ID, "role", "DEPLOYMENT_ADMIN")))), "roles");
	}

	@Test
	void refusesTwoRolesOnOneEntityAndChangesNothing() {
		String path = TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID + "/roles";
		JsonNode before = http.get(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, dev).json().get("roles");

		Response twice = http.post(path, dev, Map.of("roles", List.of(
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", SeedFacts.ROLE_DEPLOY_BOT),
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"))));

		assertFieldError(twice, "roles[1].entityId");
		assertThat(twice.json().get("message").asString())
			.contains("second role on deployment " + DEPLOYMENT_ETL_PROD_ID, "roles[0]");
		assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, dev).json().get("roles"))
			.isEqualTo(before);
		Map<String, String> dagOnProd = Map.of("entityType", "DAG", "entityId", "etl", "role", "DAG_VIEWER",
				"deploymentId", DEPLOYMENT_ETL_PROD_ID);
		assertFieldError(http.post(path, dev, Map.of("roles", List.of(Map.of("entityType", "DEPLOYMENT", "entityId",
				DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"), dagOnProd, dagOnProd))), "roles[2].entityId");
		assertThat(http.post(path, dev, Map.of("roles", List.of(
				Map.of("entityType", "DEPLOYMENT", "entityId", DEPLOYMENT_ETL_PROD_ID, "role", "DEPLOYMENT_ADMIN"),
				dagOnProd, Map.of("entityType", "DAG", "entityId", "etl", "role", "DAG_AUTHOR", "deploymentId",
						DEPLOYMENT_ML_DEV_ID)))).status())
			.as("one DAG ID on two deployments is two entities").isEqualTo(200);
	}

	@Test
	void listsRolesDeploymentsWorkspacesAndOrganizations() {
		JsonNode roles = http.get(ORG + "/roles", dev).json();
		assertThat(names(roles)).containsExactly("roles", "offset", "limit", "totalCount");
		assertThat(roles.get("totalCount").asInt()).isEqualTo(SeedFacts.CUSTOM_ROLES.size());
		JsonNode deploymentRoles = http.get(ORG + "/roles?includeDefaultRoles=true&scopeTypes=DEPLOYMENT", dev)
			.json();
		assertThat(values(deploymentRoles, "roles", "name")).containsExactlyInAnyOrderElementsOf(SeedFacts.CUSTOM_DEPLOYMENT_ROLES);
		assertThat(values(deploymentRoles, "defaultRoles", "name")).containsExactly(SeedFacts.DEPLOYMENT_ADMIN);
		assertThat(deploymentRoles.get("totalCount").asInt()).isEqualTo(SeedFacts.CUSTOM_DEPLOYMENT_ROLES.size());
		assertThat(names(deploymentRoles.get("roles").get(0))).contains("id", "name", "scopeType",
				"restrictedWorkspaceIds", "createdAt", "createdBy", "updatedAt", "updatedBy");
		assertThat(http.get(ORG + "/roles?scopeTypes=PLANET", dev).status()).isEqualTo(400);

		JsonNode deployments = http.get(ORG + "/deployments", dev).json();
		assertThat(values(deployments, "deployments", "name")).containsExactlyElementsOf(SeedFacts.DEPLOYMENTS);
		assertThat(names(deployments.get("deployments").get(0))).as("v1's required fields of a Deployment")
			.contains("id", "name", "organizationId", "workspaceId", "workspaceName", "namespace", "status",
					"astroRuntimeVersion", "airflowVersion", "isDagDeployEnabled", "isCicdEnforced", "createdAt",
					"updatedAt", "createdBy", "updatedBy", "runtimeVersion", "apiUrl", "uiUrl", "webServerUrl",
					"webServerAirflowApiUrl", "webServerIngressHostname", "imageRepository", "imageTag",
					"schedulerCpu", "schedulerMemory", "schedulerReplicas", "webServerCpu", "webServerMemory");
		JsonNode etlProd = http.get(ORG + "/deployments/" + DEPLOYMENT_ETL_PROD_ID, dev).json();
		assertThat(etlProd.get("apiUrl").asString()).startsWith("https://")
			.contains(etlProd.get("namespace").asString());
		assertThat(etlProd.get("runtimeVersion")).isEqualTo(etlProd.get("astroRuntimeVersion"));
		assertThat(etlProd.get("createdBy").get("fullName").asString()).isNotBlank();
		assertThat(values(http.get(ORG + "/deployments?workspaceIds=" + WORKSPACE_DATA_ID + "&names=" + SeedFacts.ETL_PROD, dev)
			.json(), "deployments", "id")).containsExactly(DEPLOYMENT_ETL_PROD_ID);
		assertThat(http.get(ORG + "/deployments/" + DEPLOYMENT_ML_DEV_ID, dev).json().get("name").asString())
			.isEqualTo(SeedFacts.ML_DEV);
		assertThat(http.get(ORG + "/workspaces/" + WORKSPACE_DATA_ID, dev).json().get("cicdEnforcedDefault")
			.asBoolean()).isTrue();
		JsonNode orgs = http.get("/v1/organizations", dev).json();
		assertThat(values(orgs, "organizations", "name")).containsExactly(SeedFacts.ORGANIZATION);
		JsonNode org = http.get(ORG, dev).json();
		assertThat(org.get("name").asString()).isEqualTo(SeedFacts.ORGANIZATION);
		assertThat(names(org)).as("v1's required fields of an Organization").contains("id", "name", "createdAt",
				"updatedAt", "createdBy", "updatedBy", "allowEnhancedSupportAccess", "hasAllowedIpAddressRanges",
				"isBlockedEnableAiFeatures", "isScimEnabled", "shouldEnforceDedicatedClusters", "productPlans");
		assertThat(org.get("productPlans").get(0).get("organizationId").asString()).isEqualTo(ORGANIZATION_ID);
		assertThat(names(orgs.get("organizations").get(0))).containsAll(names(org));
	}

	@Test
	void refusesBadCredentialsWith401() {
		String otherKeyToken = new TokenSigner(dir.resolve("other-key"), SandboxData.jsonMapper())
			.issue(SandboxSeed.TOKEN_DEVELOPMENT_ID, Permissions.of(ORGANIZATION_ID, null, null), clock.instant(), null)
			.secret();
		for (String bad : new String[] { null, "", "not-a-jwt", "a.b.c", otherKeyToken }) {
			Response response = http.get(TOKENS, bad);
			assertThat(response.status()).as(String.valueOf(bad == null)).isEqualTo(401);
			assertErrorBody(response, 401);
		}
		String expiring = http.post(TOKENS, dev, Map.of("name", "short", "scope", "ORGANIZATION", "role",
				"ORGANIZATION_MEMBER", "tokenExpiryPeriodInDays", 1)).json().get("token").asString();
		assertThat(http.get(ORG, expiring).status()).isEqualTo(200);
		clock.advance(Duration.ofDays(2));
		Response expired = http.get(ORG, expiring);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().get("message").asString()).contains("expired");
	}

	@Test
	void refusesOtherOrganizationsWith403AndUnknownIdsWith404() {
		SandboxData.OrganizationOwner other = server.data().createOrganization("Other Org");
		assertThat(http.get("/v1/organizations/" + other.organizationId(), other.token()).status()).isEqualTo(200);
		assertErrorBody(http.get(TOKENS, other.token()), 403);
		assertErrorBody(http.get("/v1/organizations/" + other.organizationId() + "/tokens", dev), 403);
		assertErrorBody(http.get("/v1/users/self", dev), 403);

		assertErrorBody(http.get("/v1/organizations/nope", dev), 404);
		assertErrorBody(http.get(TOKENS + "/nope", dev), 404);
		assertErrorBody(http.post(TOKENS + "/nope/rotate", dev, null), 404);
		assertErrorBody(http.delete(TOKENS + "/nope", dev), 404);
		assertErrorBody(http.get(ORG + "/deployments/nope", dev), 404);
		assertErrorBody(http.get(ORG + "/workspaces/nope", dev), 404);
		assertErrorBody(http.get("/v1/nothing/here", dev), 404);
		assertErrorBody(http.post(TOKENS + "/" + SandboxSeed.TOKEN_DEVELOPMENT_ID + "/rotate", dev, null), 409);
	}

	@Test
	void errorBodiesHaveFreshRequestIds() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			ids.add(assertErrorBody(http.get(TOKENS + "/nope", dev), 404).get("requestId").asString());
		}
		assertThat(ids).hasSize(5);
	}

	@Test
	void storesNoSecretAndKeepsFilesPrivate() throws Exception {
		String secret = http.post(TOKENS, dev, Map.of("name", "x", "scope", "ORGANIZATION", "role",
				"ORGANIZATION_MEMBER")).json().get("token").asString();
		String signature = secret.substring(secret.lastIndexOf('.') + 1);
		for (String file : List.of("sandbox.db", "sandbox.db-wal")) {
			Path path = dir.resolve(file);
			if (Files.exists(path)) {
				String content = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1);
				assertThat(content.contains(signature)).as(file + " holds no secret").isFalse();
				assertThat(content.contains(dev.substring(dev.lastIndexOf('.') + 1))).isFalse();
			}
		}
		for (String file : List.of(SandboxData.KEY_FILE, SandboxData.DEV_TOKEN_FILE)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void resetRestoresTheSeedAndKeepsTheDevelopmentToken() {
		http.delete(TOKENS + "/" + SandboxSeed.TOKEN_CI_DEPLOY_ID, dev);
		http.post(TOKENS + "/" + SandboxSeed.TOKEN_EQUIPE_ID, dev, Map.of("name", "changed"));
		int before = http.get(TOKENS, dev).json().get("totalCount").asInt();
		assertThat(http.post("/sandbox/reset", dev, null).status()).isEqualTo(204);
		assertThat(http.get(TOKENS, dev).json().get("totalCount").asInt()).isEqualTo(before + 1);
		assertThat(http.get(TOKENS + "/" + SandboxSeed.TOKEN_EQUIPE_ID, dev).json().get("name").asString())
			.isEqualTo("Équipe données");
		server.reset();
		assertThat(http.get(ORG, dev).status()).isEqualTo(200);
		try (SandboxServer second = new SandboxServer(dir, 0, null).start()) {
			assertThat(second.developmentToken()).as("same data dir, same dev token").isEqualTo(dev);
		}
	}

	private static void assertFieldError(Response response, String field) {
		assertThat(response.status()).as(field).isEqualTo(400);
		JsonNode errors = assertErrorBody(response, 400).get("fieldErrors");
		assertThat(errors).as(field).isNotNull();
		assertThat(values(errors, "field")).as(response.text()).contains(field);
		errors.forEach(e -> assertThat(names(e)).containsExactly("code", "field", "message"));
	}

	private static JsonNode assertErrorBody(Response response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(names(body)).containsAnyOf("message").isSubsetOf("message", "requestId", "statusCode",
				"fieldErrors");
		assertThat(names(body)).contains("message", "requestId", "statusCode");
		assertThat(body.get("statusCode").asInt()).isEqualTo(status);
		assertThat(body.get("requestId").asString()).isNotBlank();
		return body;
	}

	static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	static List<String> values(Response response, String items, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return values(response.json(), items, field);
	}

	static List<String> values(JsonNode page, String items, String field) {
		return values(page.get(items), field);
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(item -> values.add(item.path(field).asString()));
		return values;
	}
}
