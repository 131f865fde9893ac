package dev.astroshell.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import dev.astroshell.sandbox.ApiDocs.CustomRole;
import dev.astroshell.sandbox.ApiDocs.Deployment;
import dev.astroshell.sandbox.ApiDocs.Organization;
import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.ApiDocs.TokenRole;
import dev.astroshell.sandbox.ApiDocs.Workspace;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's SQLite file. Each entity is a row of its ID, its organization and its JSON document; tokens also keep
 * the entity their scope is bound to and the SHA-256 of their secret (never the secret).
 * <p>
 * Several processes may use one file at once: the journal is WAL (readers never block the writer), every connection
 * waits up to {@link #BUSY_TIMEOUT_MS} for a lock instead of failing with "database is locked", and write transactions
 * begin IMMEDIATE, taking the write lock before their first read, so that two read-modify-writes cannot interleave
 * and lose an update (nor deadlock upgrading a read lock).
 */
final class SandboxStore {

	static final int BUSY_TIMEOUT_MS = 15_000;

	private static final List<String> SCHEMA = List.of(
			"CREATE TABLE IF NOT EXISTS organizations (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, doc TEXT NOT NULL)",
			"CREATE TABLE IF NOT EXISTS workspaces (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, doc TEXT NOT NULL)",
			"CREATE TABLE IF NOT EXISTS deployments (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, doc TEXT NOT NULL)",
			"CREATE TABLE IF NOT EXISTS roles (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, doc TEXT NOT NULL)",
			"""
			CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, entity_id TEXT NOT NULL,
			    secret_hash TEXT NOT NULL, doc TEXT NOT NULL)""");

	/**
	 * Version 2 lets lists of tokens be filtered, sorted and paged in SQL: the sort keys as columns and each role's
	 * entity in its own indexed table. Tokens of an older file are filled in from their documents.
	 */
	private static final List<String> SCHEMA_2 = List.of("ALTER TABLE tokens ADD COLUMN scope TEXT",
			"ALTER TABLE tokens ADD COLUMN created_at TEXT", "ALTER TABLE tokens ADD COLUMN name_key TEXT",
			"ALTER TABLE tokens ADD COLUMN description_key TEXT", "ALTER TABLE tokens ADD COLUMN created_key TEXT",
			"ALTER TABLE tokens ADD COLUMN updated_key TEXT",
			"CREATE INDEX tokens_by_created ON tokens (org_id, created_at, id)",
			"CREATE INDEX tokens_by_name ON tokens (org_id, name_key, id)",
			"CREATE INDEX tokens_by_description ON tokens (org_id, description_key, id)",
			"CREATE INDEX tokens_by_created_key ON tokens (org_id, created_key, id)",
			"CREATE INDEX tokens_by_updated_key ON tokens (org_id, updated_key, id)",
			"CREATE TABLE token_roles (token_id TEXT NOT NULL, entity_type TEXT, entity_id TEXT)",
			"CREATE INDEX token_roles_by_token ON token_roles (token_id, entity_type, entity_id)",
			"CREATE INDEX token_roles_by_entity ON token_roles (entity_type, entity_id, token_id)");

	/** Version 3 adds E1's {@code kind} filter and {@code tokenStartAt} sort (the v1 definition's ListApiTokensParams). */
	private static final List<String> SCHEMA_3 = List.of("ALTER TABLE tokens ADD COLUMN kind TEXT",
			"ALTER TABLE tokens ADD COLUMN start_key TEXT",
			"CREATE INDEX tokens_by_start_key ON tokens (org_id, start_key, id)");

	/** The changes from each version to the next, from version 1 on. */
	private static final List<List<String>> UPGRADES = List.of(SCHEMA_2, SCHEMA_3);

	private static final int SCHEMA_VERSION = 1 + UPGRADES.size();

	/** The sortable fields of tokens (API spec E1) and their key columns. */
	static final Map<String, String> TOKEN_SORT_KEYS = sortKeys();

	private static final List<String> TABLES = List.of("organizations", "workspaces", "deployments", "roles",
			"tokens", "token_roles");

	/** A token row: the served document and what only the server knows. */
	record StoredToken(String orgId, String entityId, String secretHash, Token doc) {
	}

	/** Reading transactions at once; more would only queue for the CPU. */
	private static final int READERS = 4;

	private final Connections reads;

	private final Connections writes;

	private final JsonMapper json;

	SandboxStore(Path dbFile, JsonMapper json) {
		this.json = json;
		enableWal(dbFile);
		this.reads = new Connections(dataSource(dbFile, SQLiteConfig.TransactionMode.DEFERRED), READERS);
		// one writer per process: the others wait here rather than in SQLite's busy handler, which sleeps
		this.writes = new Connections(dataSource(dbFile, SQLiteConfig.TransactionMode.IMMEDIATE), 1);
		write(tx -> {
			SCHEMA.forEach(ddl -> tx.jdbc.sql(ddl).update());
			int version = Math.max(1, tx.jdbc.sql("PRAGMA user_version").query(Integer.class).single());
			if (version < SCHEMA_VERSION) {
				UPGRADES.subList(version - 1, UPGRADES.size())
					.forEach(upgrade -> upgrade.forEach(ddl -> tx.jdbc.sql(ddl).update()));
				tx.jdbc.sql("SELECT org_id, entity_id, secret_hash, doc FROM tokens")
					.query(tx::tokenRow)
					.list()
					.forEach(tx::saveToken);
				tx.jdbc.sql("PRAGMA user_version = " + SCHEMA_VERSION).update();
			}
			return null;
		});
	}

	private static Map<String, String> sortKeys() {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put("name", "name_key");
		keys.put("createdAt", "created_key");
		keys.put("updatedAt", "updated_key");
		keys.put("description", "description_key");
		keys.put("tokenStartAt", "start_key");
		return Collections.unmodifiableMap(keys);
	}

	/**
	 * A key whose order in SQLite (BINARY: UTF-8 bytes, so code points) is {@link String#CASE_INSENSITIVE_ORDER}'s,
	 * which compares code points folded to upper then lower case.
	 */
	static String caseInsensitiveKey(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder key = new StringBuilder(value.length());
		value.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
		return key.toString();
	}

	/** Which tokens of an organization a list asks for (API spec E1); null, false or empty filters nothing. */
	record TokenFilter(String orgId, String deploymentId, String workspaceId, Set<String> workspaceDeployments,
			boolean onlyOrganizationTokens, String kind, String dagId, List<String> dagTags) {
	}

	/** One page of tokens as their stored JSON documents, and how many match in all. */
	record TokenPage(List<String> docs, int totalCount) {
	}

	<T> T read(Function<Tx, T> work) {
		return reads.run(work);
	}

	<T> T write(Function<Tx, T> work) {
		return writes.run(work);
	}

	/** Closes the open connections; the store opens new ones if it is used again. */
	void close() {
		reads.close();
		writes.close();
	}

	/**
	 * Connections kept open (opening one and reading the schema costs more than a small query), each used by one
	 * transaction at a time, at most {@code max} of them.
	 */
	private final class Connections {

		private final SQLiteDataSource source;

		private final Semaphore permits;

		private final Deque<SingleConnectionDataSource> idle = new ArrayDeque<>();

		Connections(SQLiteDataSource source, int max) {
			this.source = source;
			this.permits = new Semaphore(max, true);
		}

		<T> T run(Function<Tx, T> work) {
			permits.acquireUninterruptibly();
			SingleConnectionDataSource connection = null;
			try {
				connection = take();
				JdbcClient jdbc = JdbcClient.create(connection);
				return new TransactionTemplate(new DataSourceTransactionManager(connection))
					.execute(status -> work.apply(new Tx(jdbc)));
			}
			finally {
				if (connection != null) {
					synchronized (idle) {
						idle.push(connection);
					}
				}
				permits.release();
			}
		}

		private SingleConnectionDataSource take() {
			synchronized (idle) {
				if (!idle.isEmpty()) {
					return idle.pop();
				}
			}
			try {
				return new SingleConnectionDataSource(source.getConnection(), true);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot open the sandbox database: " + ex.getMessage(), ex);
			}
		}

		void close() {
			synchronized (idle) {
				idle.forEach(SingleConnectionDataSource::destroy);
				idle.clear();
			}
		}
	}

	private static SQLiteDataSource dataSource(Path dbFile, SQLiteConfig.TransactionMode mode) {
		SQLiteConfig config = new SQLiteConfig();
		config.setBusyTimeout(BUSY_TIMEOUT_MS);
		config.setTransactionMode(mode);
		config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
		SQLiteDataSource dataSource = new SQLiteDataSource(config);
		dataSource.setUrl("jdbc:sqlite:" + dbFile.toAbsolutePath());
		return dataSource;
	}

	/** WAL is a property of the file; it cannot be switched inside a transaction. */
	private void enableWal(Path dbFile) {
		try (Connection connection = dataSource(dbFile, SQLiteConfig.TransactionMode.DEFERRED).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA journal_mode=WAL");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot open the sandbox database " + dbFile + ": " + ex.getMessage(), ex);
		}
	}

	/** The queries of one transaction. */
	final class Tx {

		private final JdbcClient jdbc;

		private Tx(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		boolean isEmpty() {
			return jdbc.sql("SELECT COUNT(*) FROM organizations").query(Integer.class).single() == 0;
		}

		void deleteAll() {
			TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
		}

		Optional<Organization> organization(String id) {
			return doc("organizations", id, Organization.class);
		}

		Optional<Workspace> workspace(String orgId, String id) {
			return doc("workspaces", id, Workspace.class).filter(w -> w.organizationId().equals(orgId));
		}

		List<Workspace> workspaces(String orgId) {
			return docs("workspaces", orgId, Workspace.class);
		}

		Optional<Deployment> deployment(String orgId, String id) {
			return doc("deployments", id, Deployment.class).filter(d -> d.organizationId().equals(orgId));
		}

		List<Deployment> deployments(String orgId) {
			return docs("deployments", orgId, Deployment.class);
		}

		List<CustomRole> customRoles(String orgId) {
			return docs("roles", orgId, CustomRole.class);
		}

		void insertOrganization(Organization org) {
			insert("organizations", org.id(), org.id(), org);
		}

		void insertWorkspace(Workspace workspace) {
			insert("workspaces", workspace.id(), workspace.organizationId(), workspace);
		}

		void insertDeployment(Deployment deployment) {
			insert("deployments", deployment.id(), deployment.organizationId(), deployment);
		}

		void insertRole(String orgId, CustomRole role) {
			insert("roles", role.id(), orgId, role);
		}

		Optional<StoredToken> token(String id) {
			return jdbc.sql("SELECT org_id, entity_id, secret_hash, doc FROM tokens WHERE id = ?")
				.param(id)
				.query(this::tokenRow)
				.optional();
		}

		/**
		 * A page of the filter's tokens in the request's order (by creation when it names none), the ID breaking
		 * ties; the documents are served as stored, without being parsed.
		 */
		TokenPage tokens(TokenFilter filter, Listing.Request request) {
			List<Object> params = new ArrayList<>();
			String where = tokenWhere(filter, params);
			int total = jdbc.sql("SELECT COUNT(*) FROM tokens t WHERE " + where)
				.params(params)
				.query(Integer.class)
				.single();
			StringBuilder order = new StringBuilder();
			for (Listing.Sort sort : request.sorts()) {
				order.append("t.").append(TOKEN_SORT_KEYS.get(sort.field())).append(sort.descending() ? " DESC, " : ", ");
			}
			if (request.sorts().isEmpty()) {
				order.append("t.created_at, ");
			}
			List<Object> pageParams = new ArrayList<>(params);
			pageParams.add(request.limit());
			pageParams.add(request.offset());
			List<String> docs = jdbc.sql("SELECT t.doc FROM tokens t WHERE " + where + " ORDER BY " + order
					+ "t.id LIMIT ? OFFSET ?")
				.params(pageParams)
				.query(String.class)
				.list();
			return new TokenPage(docs, total);
		}

		private static String tokenWhere(TokenFilter filter, List<Object> params) {
			StringBuilder where = new StringBuilder("t.org_id = ?");
			params.add(filter.orgId());
			if (filter.deploymentId() != null) {
				where.append(" AND ").append(hasRoleOn("DEPLOYMENT"));
				params.add(filter.deploymentId());
			}
			if (filter.workspaceId() != null) {
				where.append(" AND (").append(hasRoleOn("WORKSPACE")).append(" OR t.scope = 'DEPLOYMENT' AND t.entity_id IN (")
					.append(String.join(", ", Collections.nCopies(filter.workspaceDeployments().size(), "?")))
					.append("))");
				params.add(filter.workspaceId());
				params.addAll(filter.workspaceDeployments());
			}
			if (filter.onlyOrganizationTokens()) {
				where.append(" AND t.scope = 'ORGANIZATION'");
			}
			if (filter.kind() != null) {
				where.append(" AND t.kind = ?");
				params.add(filter.kind());
			}
			if (filter.dagId() != null) {
				where.append(" AND ").append(hasRoleOn("DAG"));
				params.add(filter.dagId());
			}
			if (!filter.dagTags().isEmpty()) {
				where.append(" AND ").append(hasRoleOn("DAG_TAG", filter.dagTags().size()));
				params.addAll(filter.dagTags());
			}
			return where.toString();
		}

		private static String hasRoleOn(String entityType) {
			return hasRoleOn(entityType, 1);
		}

		/** A role on an entity of the type whose ID is any of {@code ids} parameters. */
		private static String hasRoleOn(String entityType, int ids) {
			return "EXISTS (SELECT 1 FROM token_roles r WHERE r.token_id = t.id AND r.entity_type = '" + entityType
					+ "' AND r.entity_id IN (" + String.join(", ", Collections.nCopies(ids, "?")) + "))";
		}

		/** Inserts or replaces the token's row and its roles; the document is stored without its secret. */
		void saveToken(StoredToken token) {
			Token doc = token.doc();
			jdbc.sql("""
					INSERT OR REPLACE INTO tokens (id, org_id, entity_id, secret_hash, doc, scope, created_at, name_key,
					    description_key, created_key, updated_key, kind, start_key)
					    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(doc.id(), token.orgId(), token.entityId(), token.secretHash(),
						json.writeValueAsString(doc.withSecret(null)), doc.scope(), doc.createdAt(),
						caseInsensitiveKey(doc.name()), caseInsensitiveKey(doc.description()),
						caseInsensitiveKey(doc.createdAt()), caseInsensitiveKey(doc.updatedAt()), doc.kind(),
						caseInsensitiveKey(doc.startAt()))
				.update();
			jdbc.sql("DELETE FROM token_roles WHERE token_id = ?").param(doc.id()).update();
			if (doc.roles() != null) {
				for (TokenRole role : doc.roles()) {
					jdbc.sql("INSERT INTO token_roles (token_id, entity_type, entity_id) VALUES (?, ?, ?)")
						.params(doc.id(), role.entityType(), role.entityId())
						.update();
				}
			}
		}

		boolean deleteToken(String id) {
			jdbc.sql("DELETE FROM token_roles WHERE token_id = ?").param(id).update();
			return jdbc.sql("DELETE FROM tokens WHERE id = ?").param(id).update() == 1;
		}

		StoredToken tokenRow(ResultSet rs, int rowNum) throws SQLException {
			return new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3),
					json.readValue(rs.getString(4), Token.class));
		}

		private <T> Optional<T> doc(String table, String id, Class<T> type) {
			return jdbc.sql("SELECT doc FROM " + table + " WHERE id = ?")
				.param(id)
				.query((rs, n) -> json.readValue(rs.getString(1), type))
				.optional();
		}

		private <T> List<T> docs(String table, String orgId, Class<T> type) {
			return jdbc.sql("SELECT doc FROM " + table + " WHERE org_id = ? ORDER BY id")
				.param(orgId)
				.query((rs, n) -> json.readValue(rs.getString(1), type))
				.list();
		}

		private void insert(String table, String id, String orgId, Object doc) {
			jdbc.sql("INSERT INTO " + table + " (id, org_id, doc) VALUES (?, ?, ?)")
				.params(id, orgId, json.writeValueAsString(doc))
				.update();
		}
	}
}
