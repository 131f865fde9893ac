package dev.astroshell.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import dev.astroshell.sandbox.ApiDocs.CustomRole;
import dev.astroshell.sandbox.ApiDocs.Deployment;
import dev.astroshell.sandbox.ApiDocs.Organization;
import dev.astroshell.sandbox.ApiDocs.Token;
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

	private static final List<String> TABLES = List.of("organizations", "workspaces", "deployments", "roles",
			"tokens");

	/** A token row: the served document and what only the server knows. */
	record StoredToken(String orgId, String entityId, String secretHash, Token doc) {
	}

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	private final JsonMapper json;

	SandboxStore(Path dbFile, JsonMapper json) {
		this.json = json;
		this.reads = transactions(dataSource(dbFile, SQLiteConfig.TransactionMode.DEFERRED));
		this.writes = transactions(dataSource(dbFile, SQLiteConfig.TransactionMode.IMMEDIATE));
		enableWal(dbFile);
		write(tx -> {
			SCHEMA.forEach(ddl -> tx.jdbc.sql(ddl).update());
			return null;
		});
	}

	<T> T read(Function<Tx, T> work) {
		return reads.execute(status -> work.apply(new Tx(JdbcClient.create(dataSourceOf(reads)))));
	}

	<T> T write(Function<Tx, T> work) {
		return writes.execute(status -> work.apply(new Tx(JdbcClient.create(dataSourceOf(writes)))));
	}

	private static DataSource dataSourceOf(TransactionTemplate template) {
		return ((DataSourceTransactionManager) template.getTransactionManager()).getDataSource();
	}

	private static TransactionTemplate transactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
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

		List<StoredToken> tokens(String orgId) {
			return jdbc.sql("SELECT org_id, entity_id, secret_hash, doc FROM tokens WHERE org_id = ?")
				.param(orgId)
				.query(this::tokenRow)
				.list();
		}

		/** Inserts or replaces the token's row; the document is stored without its secret. */
		void saveToken(StoredToken token) {
			jdbc.sql("INSERT OR REPLACE INTO tokens (id, org_id, entity_id, secret_hash, doc) VALUES (?, ?, ?, ?, ?)")
				.params(token.doc().id(), token.orgId(), token.entityId(), token.secretHash(),
						json.writeValueAsString(token.doc().withSecret(null)))
				.update();
		}

		boolean deleteToken(String id) {
			return jdbc.sql("DELETE FROM tokens WHERE id = ?").param(id).update() == 1;
		}

		private StoredToken tokenRow(ResultSet rs, int rowNum) throws SQLException {
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
