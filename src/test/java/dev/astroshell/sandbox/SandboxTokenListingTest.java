package dev.astroshell.sandbox;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.WORKSPACE_DATA_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.WebClientAstroApi;
import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.ApiDocs.TokenRole;
import dev.astroshell.sandbox.SandboxStore.StoredToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E1 is filtered, sorted and paged by SQL: every page of every order must be what sorting the whole list in memory
 * (case-insensitive text, nulls first, the ID breaking ties) gives, also for names that differ only in case, accents
 * and characters beyond the BMP; and a file of the previous schema is migrated.
 */
class SandboxTokenListingTest {

	private static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	/** A page size that divides none of the lists: over a dozen page boundaries each, many inside runs of ties. */
	private static final int PAGE = 13;

	@TempDir
	Path dir;

	/** A server on {@link #dir}, closed after each test (reopened by the migration test). */
	private SandboxServer server;

	private SandboxHttp http;

	private String dev;

	private void serve() {
		server = new SandboxServer(dir, 0, null).start();
		http = SandboxHttp.of(server);
		dev = server.developmentToken();
	}

	@AfterEach
	void closeServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void everyPageOfEveryOrderMatchesSortingTheWholeList() {
		serve();
		addTokens(150);
		List<Token> all = allTokens();
		record Order(String sorts, Comparator<Token> comparator) {
		}
		Comparator<Token> byId = Comparator.comparing(Token::id);
		List<Order> orders = List.of(new Order("", Comparator.comparing(Token::createdAt)),
				new Order("&sorts=name:asc", text(Token::name)),
				new Order("&sorts=name:desc&sorts=createdAt:asc", text(Token::name).reversed()
					.thenComparing(text(Token::createdAt))),
				new Order("&sorts=description:asc&sorts=updatedAt:desc", text(Token::description)
					.thenComparing(text(Token::updatedAt).reversed())),
				new Order("&sorts=tokenStartAt:desc", text(Token::startAt).reversed()));
		record Filter(String query, Predicate<Token> keeps) {
		}
		List<Filter> filters = List.of(new Filter("", t -> true),
				new Filter("&deploymentId=" + DEPLOYMENT_ETL_PROD_ID, t -> hasRoleOn(t, "DEPLOYMENT",
						DEPLOYMENT_ETL_PROD_ID)),
				new Filter("&includeOnlyOrganizationTokens=true", t -> t.scope().equals("ORGANIZATION")),
				new Filter("&workspaceId=" + WORKSPACE_DATA_ID, t -> hasRoleOn(t, "WORKSPACE", WORKSPACE_DATA_ID)
						|| t.scope().equals("DEPLOYMENT") && t.roles().stream().anyMatch(r -> r.entityType()
							.equals("DEPLOYMENT") && List.of(DEPLOYMENT_ETL_PROD_ID,
									SandboxSeed.DEPLOYMENT_ETL_STAGING_ID).contains(r.entityId()))));
		for (Filter filter : filters) {
			for (Order order : orders) {
				List<String> expected = all.stream()
					.filter(filter.keeps())
					.sorted(order.comparator().thenComparing(byId))
					.map(Token::id)
					.toList();
				List<String> paged = new ArrayList<>();
				for (int offset = 0; offset < expected.size() + PAGE; offset += PAGE) {
					JsonNode page = http.get(TOKENS + "?offset=" + offset + "&limit=" + PAGE + filter.query() + order.sorts(),
							dev).json();
					assertThat(page.get("totalCount").asInt()).isEqualTo(expected.size());
					assertThat(page.get("offset").asInt()).isEqualTo(offset);
					page.get("tokens").forEach(t -> paged.add(t.get("id").asString()));
				}
				assertThat(paged).as(filter.query() + order.sorts()).containsExactlyElementsOf(expected);
			}
		}
	}

	@Test
	void kindDagAndDagTagFiltersKeepWhatFilteringTheWholeListKeeps() {
		serve();
		addTokens(150);
		List<Token> all = allTokens();
		Map<String, Predicate<Token>> filters = Map.of("&kind=DIRECT_ACCESS", t -> t.kind().equals("DIRECT_ACCESS"),
				"&kind=STANDARD", t -> t.kind().equals("STANDARD"), "&dagId=load", t -> hasRoleOn(t, "DAG", "load"),
				"&dagTags=finance&dagTags=ops", t -> hasRoleOn(t, "DAG_TAG", "finance") || hasRoleOn(t, "DAG_TAG",
						"ops"),
				"&kind=DIRECT_ACCESS&deploymentId=" + DEPLOYMENT_ETL_PROD_ID + "&dagTags=finance",
				t -> t.kind().equals("DIRECT_ACCESS") && hasRoleOn(t, "DEPLOYMENT", DEPLOYMENT_ETL_PROD_ID)
						&& hasRoleOn(t, "DAG_TAG", "finance"));
		filters.forEach((query, keeps) -> {
			List<String> expected = all.stream().filter(keeps).sorted(text(Token::name).thenComparing(Token::id))
				.map(Token::id).toList();
			assertThat(expected).as(query).isNotEmpty().hasSizeLessThan(all.size());
			assertThat(ids(http.get(TOKENS + "?limit=1000&sorts=name:asc" + query, dev).json())).as(query)
				.containsExactlyElementsOf(expected);
		});
	}

	@Test
	void pagesServeTheTokensAsStoredAndTheClientReadsAThousandAtOnce() {
		serve();
		addTokens(400);
		JsonNode page = http.get(TOKENS + "?limit=1000&sorts=name:asc", dev).json();
		List<Token> all = allTokens();
		Token first = all.stream().sorted(text(Token::name).thenComparing(Token::id)).findFirst().orElseThrow();
		assertThat(page.get("tokens").get(0)).isEqualTo(server.data().json().valueToTree(first));
		assertThat(page.get("tokens").get(0).has("token")).as("never a secret").isFalse();
		assertThat(http.get(TOKENS + "?limit=1000", dev).text().length()).as("more than the client's default buffer")
			.isGreaterThan(256 * 1024);

		AstroProperties.Api settings = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2),
				Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofMillis(10), 1000, 4);
		var client = new WebClientAstroApi(WebClient.builder(), JsonMapper.builder().build(), settings,
				new ApiTarget(server.baseUrl(), dev), "astro-shell/test");
		List<ApiToken> read = client.listTokens(ORGANIZATION_ID, new TokenQuery(null, null, false, List.of()), 0, 1000)
			.block()
			.tokens();
		assertThat(read).hasSize(all.size());
	}

	@Test
	void filesOfThePreviousSchemasAreMigrated() throws Exception {
		serve();
		addTokens(10);
		String query = TOKENS + "?limit=100&sorts=tokenStartAt:asc&sorts=name:desc&kind=STANDARD&deploymentId="
				+ DEPLOYMENT_ETL_PROD_ID;
		List<String> before = ids(http.get(query, dev).json());
		List<String> toVersion2 = List.of("DROP INDEX tokens_by_start_key", "ALTER TABLE tokens DROP COLUMN kind",
				"ALTER TABLE tokens DROP COLUMN start_key", "PRAGMA user_version = 2",
				// documents stored before organizations and deployments carried every field v1 requires
				"UPDATE organizations SET doc = json_remove(doc, '$.createdBy', '$.updatedBy',"
						+ " '$.allowEnhancedSupportAccess', '$.hasAllowedIpAddressRanges', '$.isBlockedEnableAiFeatures',"
						+ " '$.isScimEnabled', '$.shouldEnforceDedicatedClusters', '$.productPlans')",
				"UPDATE deployments SET doc = json_remove(doc, '$.createdBy', '$.schedulerReplicas', '$.apiUrl')");
		List<String> toVersion1 = List.of("DROP TABLE token_roles", "DROP INDEX tokens_by_created",
				"DROP INDEX tokens_by_name", "DROP INDEX tokens_by_description", "DROP INDEX tokens_by_created_key",
				"DROP INDEX tokens_by_updated_key", "ALTER TABLE tokens DROP COLUMN scope",
				"ALTER TABLE tokens DROP COLUMN created_at", "ALTER TABLE tokens DROP COLUMN name_key",
				"ALTER TABLE tokens DROP COLUMN description_key", "ALTER TABLE tokens DROP COLUMN created_key",
				"ALTER TABLE tokens DROP COLUMN updated_key", "PRAGMA user_version = 0");
		for (List<List<String>> downgrade : List.of(List.of(toVersion2), List.of(toVersion2, toVersion1))) {
			server.close();
			try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SandboxData.DB_FILE));
					Statement sql = db.createStatement()) {
				for (List<String> step : downgrade) {
					for (String ddl : step) {
						sql.execute(ddl);
					}
				}
			}
			serve();
			assertThat(ids(http.get(query, dev).json())).as("from version " + (downgrade.size() == 1 ? 2 : 1))
				.isNotEmpty()
				.containsExactlyElementsOf(before);
			assertThat(http.get("/v1/organizations/" + ORGANIZATION_ID, dev).status()).isEqualTo(200);
			assertThat(http.get("/v1/organizations/" + ORGANIZATION_ID + "/deployments", dev).status()).isEqualTo(200);
		}
	}

	/** Deployment tokens on etl-prod or etl-staging, some with a second role; tricky names and descriptions. */
	private void addTokens(int count) {
		Random random = new Random(42);
		String[] names = { "alpha", "Alpha", "ALPHA", "Équipe", "équipe", "eQuipe", "zeta", "Zeta 2", "\uD83D\uDE00 emoji",
				"\uFFFD replacement", "ß strasse", "Ǆ title", "" };
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		server.data().store().write(tx -> {
			for (int i = 0; i < count; i++) {
				String id = "cltest" + String.format("%019d", random.nextLong(Long.MAX_VALUE));
				String deployment = random.nextBoolean() ? DEPLOYMENT_ETL_PROD_ID
						: SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
				List<TokenRole> roles = new ArrayList<>(List.of(new TokenRole("DEPLOYMENT", deployment,
						"DEPLOYMENT_ADMIN")));
				switch (random.nextInt(6)) {
					case 0 -> roles.add(new TokenRole("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_MEMBER"));
					case 1 -> roles.add(new TokenRole("DAG", "load", "DAG_VIEWER", deployment));
					case 2 -> roles.add(new TokenRole("DAG_TAG", random.nextBoolean() ? "finance" : "ops",
							"DAG_AUTHOR", deployment));
					default -> {
						// the deployment role only
					}
				}
				String created = Times.format(base.plusSeconds(random.nextInt(50)));
				String updated = Times.format(base.plusSeconds(random.nextInt(50)));
				String start = Times.format(base.plusSeconds(random.nextInt(50)));
				String description = random.nextInt(5) == 0 ? null : names[random.nextInt(names.length)] + " "
						+ "x".repeat(random.nextInt(800));
				tx.saveToken(new StoredToken(ORGANIZATION_ID, deployment, "hash",
						new Token(id, names[random.nextInt(names.length)], description, "DEPLOYMENT",
								random.nextInt(3) == 0 ? "DIRECT_ACCESS" : "STANDARD", "short", start, null, null,
								created, updated, null, null, null, null, roles, null)));
			}
			return null;
		});
	}

	private List<Token> allTokens() {
		return server.data().store().read(tx -> tx.tokens(new SandboxStore.TokenFilter(ORGANIZATION_ID, null, null,
				Set.of(), false, null, null, List.of()), new Listing.Request(0, Integer.MAX_VALUE, List.of())))
			.docs()
			.stream()
			.map(doc -> server.data().json().readValue(doc, Token.class))
			.toList();
	}

	private static Comparator<Token> text(Function<Token, String> field) {
		return Comparator.comparing(field, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
	}

	private static boolean hasRoleOn(Token token, String type, String id) {
		return token.roles().stream().anyMatch(r -> r.entityType().equals(type) && r.entityId().equals(id));
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("tokens").forEach(t -> ids.add(t.get("id").asString()));
		return ids;
	}
}
