package dev.astroshell.api;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client made as the application makes it, against a stub server that answers with enum values this client does
 * not know (as Astro may one day): every page and record is read, the values kept as their text and written back
 * unchanged; and every request says honestly who sends it.
 */
class ApiGrowthWireTest {

	static final String TOKEN = """
			{"id": "t1", "name": "agent", "description": "", "scope": "AGENT", "kind": "EPHEMERAL", "shortToken": "a",
			 "startAt": "2026-01-01T00:00:00Z", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
			 "roles": [{"entityType": "DAG_BUNDLE", "entityId": "b", "role": "BUNDLE_VIEWER", "deploymentId": "d1"},
			           {"entityType": "DEPLOYMENT", "entityId": "d1", "role": "DEPLOYMENT_ADMIN"}],
			 "someFieldAddedLater": {"x": 1}}""";

	static final Map<String, String> ANSWERS = Map.of("/v1/organizations/o1/tokens",
			"{\"tokens\": [" + TOKEN + "], \"offset\": 0, \"limit\": 20, \"totalCount\": 1}",
			"/v1/organizations/o1/tokens/t1", TOKEN, "/v1/organizations/o1/deployments/d1", """
					{"id": "d1", "name": "etl", "organizationId": "o1", "workspaceId": "w1", "namespace": "n",
					 "status": "MIGRATING", "type": "SERVERLESS", "cloudProvider": "ORACLE", "isDagDeployEnabled": true,
					 "isCicdEnforced": false, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}""",
			"/v1/organizations/o1", """
					{"id": "o1", "name": "Org", "product": "ENTERPRISE", "status": "ARCHIVED",
					 "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}""");

	final Map<String, String> headers = new ConcurrentHashMap<>();

	DisposableServer stub;

	AstroApi api;

	@BeforeEach
	void start() {
		stub = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> {
			req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
			String answer = ANSWERS.get(req.fullPath());
			return answer == null ? res.status(404).send()
					: res.header("Content-Type", "application/json").sendString(Mono.just(answer));
		}).bindNow();
		AstroApiFactory factory = new AstroApiFactory(WebClient.builder(), JsonMapper.builder().build(),
				new AstroProperties(AstroApiSandboxTest.SETTINGS, null, false));
		api = factory.create(new ApiTarget(URI.create("http://127.0.0.1:" + stub.port() + "/v1"), "the-token"));
	}

	@AfterEach
	void stop() {
		stub.disposeNow();
	}

	@Test
	void unknownScopeKindAndEntityTypeAreReadAndWrittenBackAsTheirText() {
		ApiToken listed = api.listTokens("o1", TokenQuery.ofDeployment("d1"), 0, 20).block().tokens().get(0);
		assertThat(listed.scope().name()).isEqualTo("AGENT");
		assertThat(listed.kind()).isEqualTo("EPHEMERAL");
		assertThat(listed.roles()).extracting(r -> r.entityType().name()).containsExactly("DAG_BUNDLE", "DEPLOYMENT");
		assertThat(listed.deploymentRole("d1")).as("the known entries still count").isEqualTo("DEPLOYMENT_ADMIN");

		ApiToken read = api.getToken("o1", "t1").block();
		assertThat(read).isEqualTo(listed);
		assertThat(read.roles().get(1).entityType()).isSameAs(EntityType.DEPLOYMENT);
		assertThat(JsonMapper.builder().build().writeValueAsString(read)).contains("\"scope\":\"AGENT\"",
				"\"entityType\":\"DAG_BUNDLE\"", "\"kind\":\"EPHEMERAL\"");
	}

	@Test
	void unknownStatusesProductsAndCloudsAreKeptAsText() {
		Deployment deployment = api.getDeployment("o1", "d1").block();
		assertThat(deployment.status()).isEqualTo("MIGRATING");
		assertThat(deployment.type()).isEqualTo("SERVERLESS");
		assertThat(deployment.cloudProvider()).isEqualTo("ORACLE");
		Organization org = api.getOrganization("o1").block();
		assertThat(org.product()).isEqualTo("ENTERPRISE");
		assertThat(org.status()).isEqualTo("ARCHIVED");
	}

	@Test
	void everyRequestNamesThisShellAndItsBuildsVersion() {
		api.getOrganization("o1").block();
		assertThat(headers).containsEntry("user-agent", "astro-shell/" + AstroApiFactory.version())
			.containsEntry("x-astro-client-identifier", "astro-shell")
			.containsEntry("authorization", "Bearer the-token");
	}
}
