package dev.astroshell.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.astroshell.sandbox.ApiDocs.CustomRole;
import dev.astroshell.sandbox.ApiDocs.Deployment;
import dev.astroshell.sandbox.ApiDocs.Organization;
import dev.astroshell.sandbox.ApiDocs.Profile;
import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.ApiDocs.TokenRole;
import dev.astroshell.sandbox.ApiDocs.Workspace;
import dev.astroshell.sandbox.SandboxStore.StoredToken;
import dev.astroshell.sandbox.TokenSigner.Issued;

/**
 * The data a fresh or reset sandbox holds. The IDs are fixed, so that they are the same in every data dir and after
 * every reset (a shell's saved context stays valid), and other tests can name them. Times are relative to the moment
 * of seeding, so that "created N days ago" varies.
 * <p>
 * Tokens of every scope with telling roles, for tests of the permission model ({@link Access}): deployment tokens
 * that manage their deployment ({@link #TOKEN_CI_DEPLOY_ID}: DEPLOYMENT_ADMIN) or only read it
 * ({@link #TOKEN_STAGING_SMOKE_ID}: a custom role); workspace tokens that manage their workspace's deployments
 * ({@link #TOKEN_WORKSPACE_ML_ID}: WORKSPACE_OPERATOR) or read the workspace and manage one deployment
 * ({@link #TOKEN_WORKSPACE_DATA_ID}: WORKSPACE_AUTHOR, DEPLOYMENT_ADMIN on etl-prod); organization tokens that only
 * read ({@link #TOKEN_ORG_READER_ID}, {@link #TOKEN_ORG_BILLING_ID}), read and manage one deployment
 * ({@link #TOKEN_ORG_AUTOMATION_ID}), or do everything (the development token).
 */
public final class SandboxSeed {

	public static final String ORGANIZATION_ID = "clujzde8gxd6ncf10epf91dho";
	public static final String ORGANIZATION_NAME = "Sandbox Org";

	public static final String WORKSPACE_DATA_ID = "cldzdoc9is0j8ht9lgmxg9edn";
	public static final String WORKSPACE_DATA_NAME = "Data Engineering";
	public static final String WORKSPACE_ML_ID = "cl581u33xtplpft75v2seh60k";
	public static final String WORKSPACE_ML_NAME = "Machine Learning";

	public static final String DEPLOYMENT_ETL_PROD_ID = "clvj50ce9uvw53efr4edt2syw";
	public static final String DEPLOYMENT_ETL_STAGING_ID = "clb3wkh5dnsipzz5fk2z9ri19";
	public static final String DEPLOYMENT_ML_DEV_ID = "clr0wyojfljooa5lqsaj08xui";
	public static final String DEPLOYMENT_ML_PROD_ID = "cl6d39zzzzg4zdmen2khvdgaj";

	/** Custom deployment role names (one with a space). */
	public static final String ROLE_DEPLOY_BOT = "Deploy Bot";
	public static final String ROLE_DAG_RUNNER = "DAG_RUNNER";
	/** Custom workspace role name. */
	public static final String ROLE_WORKSPACE_AUDITOR = "Workspace Auditor";

	/** Two deployment tokens on etl-prod share this name. */
	public static final String DUPLICATE_TOKEN_NAME = "Ci Deploy Token";
	public static final String TOKEN_CI_DEPLOY_ID = "cl8gxbenyjqwx4hh5344tfjgv";
	public static final String TOKEN_CI_DEPLOY_OLD_ID = "clq4k7bn7xj8b7tfq7xkwo886";
	public static final String TOKEN_EQUIPE_ID = "clvompzom75wbbr4qmw2wxfog";
	public static final String TOKEN_AIRFLOW_SYNC_ID = "clo4mvn4a4wfhym4l1vfz3zfk";
	public static final String TOKEN_STAGING_SMOKE_ID = "clkibj3j4wj99ibag7i1mnbqn";
	public static final String TOKEN_ML_NOTEBOOK_ID = "cls6puq80idw3706i8j76b2la";
	public static final String TOKEN_ML_PROD_EXPIRED_ID = "cljlj4h9du7794g9dpmrcg629";
	public static final String TOKEN_WORKSPACE_DATA_ID = "clbe2u66mr26846p7q9m2i0hz";
	public static final String TOKEN_WORKSPACE_ML_ID = "cl2uep1enthjxjqi3ogz5kok1";
	public static final String TOKEN_ORG_AUTOMATION_ID = "cl6zv0mwufxbv932byv7s6eho";
	public static final String TOKEN_ORG_BILLING_ID = "clgfqrclri1qzj865ufrdl1er";
	/** An ORGANIZATION_MEMBER with no other role: reads every token, changes none. */
	public static final String TOKEN_ORG_READER_ID = "clq9r2d7e4a1u5d8i3t6r0e9a";
	/** A WORKSPACE_OWNER of Data Engineering: manages its workspace's tokens, never an organization's. */
	public static final String TOKEN_WORKSPACE_DATA_OWNER_ID = "clw5o8n3e2r7d4a9t1a6o0w3n";
	/** A WORKSPACE_MEMBER of Data Engineering with no other role. */
	public static final String TOKEN_WORKSPACE_DATA_MEMBER_ID = "clw5m3e8m1b4e7r2d5a0t9a6m";
	/** An ORGANIZATION_MEMBER that is WORKSPACE_OPERATOR of Data Engineering (an organization token of a workspace). */
	public static final String TOKEN_ORG_PIPELINE_ID = "clo7p2i5p8e1l4i7n0e3w6s9d";
	/** The development token: ORGANIZATION scope, ORGANIZATION_OWNER, its secret kept in the data dir. */
	public static final String TOKEN_DEVELOPMENT_ID = "clbfqfoeqh3av90ric7phkqdl";
	public static final String TOKEN_DEVELOPMENT_NAME = "Development token";

	static final Profile ADA = Profile.user("clmtt7ns26lrwbqcab69m64p2", "Ada Lovelace", "ada@sandbox.example");
	static final Profile GRACE = Profile.user("clg158z6tnovmizwdiaeq1kdf", "Grace Hopper", "grace@sandbox.example");
	static final Profile DEV_TOKEN = Profile.apiToken(TOKEN_DEVELOPMENT_ID, TOKEN_DEVELOPMENT_NAME);

	/** Mints a token's secret: (token ID, permissions claim, issued at, expiry or null). */
	interface Minter {
		Issued mint(String tokenId, List<String> permissions, Instant issuedAt, Instant expiresAt);
	}

	private final SandboxStore.Tx tx;

	private final Instant now;

	private final Minter minter;

	private SandboxSeed(SandboxStore.Tx tx, Instant now, Minter minter) {
		this.tx = tx;
		this.now = now;
		this.minter = minter;
	}

	/**
	 * Writes the seed into an empty store.
	 * @param developmentToken the development token's secret and hash, kept across resets
	 */
	static void populate(SandboxStore.Tx tx, Instant now, Minter minter, Issued developmentToken) {
		new SandboxSeed(tx, now, minter).populate(developmentToken);
	}

	private void populate(Issued developmentToken) {
		String created = ago(Duration.ofDays(400));
		tx.insertOrganization(Organization.hosted(ORGANIZATION_ID, ORGANIZATION_NAME, created, ADA));
		tx.insertWorkspace(new Workspace(WORKSPACE_DATA_ID, WORKSPACE_DATA_NAME, ORGANIZATION_ID,
				"Pipelines that feed the warehouse", true, ago(Duration.ofDays(380)), ago(Duration.ofDays(30))));
		tx.insertWorkspace(new Workspace(WORKSPACE_ML_ID, WORKSPACE_ML_NAME, ORGANIZATION_ID, null, false,
				ago(Duration.ofDays(200)), ago(Duration.ofDays(200))));
		deployment(DEPLOYMENT_ETL_PROD_ID, "etl-prod", WORKSPACE_DATA_ID, WORKSPACE_DATA_NAME, "HEALTHY", "DEDICATED",
				"AWS", "us-east-1", true, 360);
		deployment(DEPLOYMENT_ETL_STAGING_ID, "etl-staging", WORKSPACE_DATA_ID, WORKSPACE_DATA_NAME, "HEALTHY",
				"STANDARD", "AWS", "us-east-1", false, 340);
		deployment(DEPLOYMENT_ML_DEV_ID, "ml-dev", WORKSPACE_ML_ID, WORKSPACE_ML_NAME, "HIBERNATING", "STANDARD",
				"GCP", "us-central1", false, 150);
		deployment(DEPLOYMENT_ML_PROD_ID, "ml-prod", WORKSPACE_ML_ID, WORKSPACE_ML_NAME, "UNHEALTHY", "STANDARD",
				"AZURE", "westeurope", true, 120);
		role("clg5kq0f2h8v1x7m3n9b4c6d1", ROLE_DEPLOY_BOT, "Deploys code and updates variables", "DEPLOYMENT");
		role("clh2w8e4r6t1y3u5i7o9p0a2s", ROLE_DAG_RUNNER, "Triggers and clears DAG runs", "DEPLOYMENT");
		role("clj3z5x7c9v1b2n4m6q8w0e1r", ROLE_WORKSPACE_AUDITOR, "Reads everything in a workspace", "WORKSPACE");

		String etlProd = DEPLOYMENT_ETL_PROD_ID;
		token(TOKEN_CI_DEPLOY_ID, DUPLICATE_TOKEN_NAME, "Deploys etl-prod from CI", "DEPLOYMENT", etlProd,
				Duration.ofDays(12), null, ADA, deploymentRole(etlProd, "DEPLOYMENT_ADMIN"));
		token(TOKEN_CI_DEPLOY_OLD_ID, DUPLICATE_TOKEN_NAME, "Old CI pipeline, to be removed", "DEPLOYMENT", etlProd,
				Duration.ofDays(41), null, GRACE, deploymentRole(etlProd, ROLE_DEPLOY_BOT));
		token(TOKEN_EQUIPE_ID, "Équipe données", "Accès de l'équipe données", "DEPLOYMENT", etlProd,
				Duration.ofDays(3), null, GRACE, deploymentRole(etlProd, ROLE_DAG_RUNNER),
				new TokenRole("DAG_TAG", "finance", "DAG_AUTHOR", etlProd));
		token(TOKEN_AIRFLOW_SYNC_ID, "airflow-sync", "Syncs variables from the vault", "DEPLOYMENT",
				DEPLOYMENT_ETL_STAGING_ID, Duration.ofHours(5), 90, DEV_TOKEN,
				deploymentRole(DEPLOYMENT_ETL_STAGING_ID, "DEPLOYMENT_ADMIN"));
		token(TOKEN_STAGING_SMOKE_ID, "staging smoke tests", "", "DEPLOYMENT", DEPLOYMENT_ETL_STAGING_ID,
				Duration.ofDays(1), 30, ADA, deploymentRole(DEPLOYMENT_ETL_STAGING_ID, ROLE_DEPLOY_BOT));
		token(TOKEN_ML_NOTEBOOK_ID, "ml-dev notebook", "Jupyter access to training DAGs", "DEPLOYMENT",
				DEPLOYMENT_ML_DEV_ID, Duration.ofDays(8), null, GRACE,
				deploymentRole(DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN"),
				new TokenRole("DAG", "train_model", "DAG_VIEWER", DEPLOYMENT_ML_DEV_ID));
		token(TOKEN_ML_PROD_EXPIRED_ID, "ml-prod deployer", "Expired; kept to show an expired token", "DEPLOYMENT",
				DEPLOYMENT_ML_PROD_ID, Duration.ofDays(95), 30, ADA,
				deploymentRole(DEPLOYMENT_ML_PROD_ID, "DEPLOYMENT_ADMIN"));
		token(TOKEN_WORKSPACE_DATA_ID, "Data Eng workspace token", "Workspace automation", "WORKSPACE",
				WORKSPACE_DATA_ID, Duration.ofDays(20), null, ADA,
				new TokenRole("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_AUTHOR"),
				deploymentRole(etlProd, "DEPLOYMENT_ADMIN"));
		token(TOKEN_WORKSPACE_ML_ID, "ML workspace", "", "WORKSPACE", WORKSPACE_ML_ID, Duration.ofDays(30), 365,
				GRACE, new TokenRole("WORKSPACE", WORKSPACE_ML_ID, "WORKSPACE_OPERATOR"));
		token(TOKEN_ORG_AUTOMATION_ID, "Org automation", "Terraform", "ORGANIZATION", ORGANIZATION_ID,
				Duration.ofDays(60), null, ADA, new TokenRole("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_MEMBER"),
				deploymentRole(etlProd, ROLE_DEPLOY_BOT), deploymentRole(DEPLOYMENT_ML_DEV_ID, "DEPLOYMENT_ADMIN"));
		token(TOKEN_ORG_BILLING_ID, "Billing export", "Monthly invoice export", "ORGANIZATION", ORGANIZATION_ID,
				Duration.ofDays(90), 3650, GRACE,
				new TokenRole("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_BILLING_ADMIN"));
		token(TOKEN_ORG_READER_ID, "Read-only auditor", "Reads everything for audits", "ORGANIZATION", ORGANIZATION_ID,
				Duration.ofDays(15), null, ADA, new TokenRole("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_MEMBER"));
		token(TOKEN_WORKSPACE_DATA_OWNER_ID, "Data Eng owner", "Manages the workspace's tokens", "WORKSPACE",
				WORKSPACE_DATA_ID, Duration.ofDays(12), null, GRACE,
				new TokenRole("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_OWNER"));
		token(TOKEN_WORKSPACE_DATA_MEMBER_ID, "Data Eng reader", "", "WORKSPACE", WORKSPACE_DATA_ID,
				Duration.ofDays(8), 180, ADA, new TokenRole("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_MEMBER"));
		token(TOKEN_ORG_PIPELINE_ID, "Org pipeline", "Runs the organization's pipelines", "ORGANIZATION",
				ORGANIZATION_ID, Duration.ofDays(25), null, ADA,
				new TokenRole("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_MEMBER"),
				new TokenRole("WORKSPACE", WORKSPACE_DATA_ID, "WORKSPACE_OPERATOR"));
		Instant devCreated = now.minus(Duration.ofDays(100));
		tx.saveToken(new StoredToken(ORGANIZATION_ID, ORGANIZATION_ID, developmentToken.hash(),
				new Token(TOKEN_DEVELOPMENT_ID, TOKEN_DEVELOPMENT_NAME, "The sandbox's own organization owner token",
						"ORGANIZATION", "STANDARD", developmentToken.shortToken(), Times.format(devCreated), null,
						null, Times.format(devCreated), Times.format(devCreated), ADA, ADA, null, null,
						List.of(new TokenRole("ORGANIZATION", ORGANIZATION_ID, "ORGANIZATION_OWNER")), null)));
	}

	/** A deployment of Runtime 13.2.0 whose Airflow is reached, as on Astro, under the organization's host. */
	private void deployment(String id, String name, String workspaceId, String workspaceName, String status,
			String type, String cloud, String region, boolean cicdEnforced, int ageDays) {
		String namespace = "sandbox-" + name + "-" + id.substring(2, 8);
		String host = ORGANIZATION_ID + ".astronomer.run";
		String airflow = host + "/" + namespace;
		tx.insertDeployment(new Deployment(id, name, ORGANIZATION_ID, workspaceId, workspaceName, namespace, status,
				"13.2.0", "3.1.2", type, cloud, region, true, cicdEnforced, ago(Duration.ofDays(ageDays)),
				ago(Duration.ofDays(ageDays / 3)), ADA, GRACE, "13.2.0", "https://" + airflow + "/api/v2",
				"https://" + airflow, airflow, airflow + "/api/v2", host,
				"images.astronomer.cloud/" + ORGANIZATION_ID + "/" + namespace, "deploy-" + ageDays, "1", "2Gi", 1,
				"0.5", "1Gi"));
	}

	private void role(String id, String name, String description, String scopeType) {
		String created = ago(Duration.ofDays(180));
		tx.insertRole(ORGANIZATION_ID, new CustomRole(id, name, description, scopeType, List.of(), created, ADA,
				created, ADA));
	}

	private static TokenRole deploymentRole(String deploymentId, String role) {
		return new TokenRole("DEPLOYMENT", deploymentId, role);
	}

	private void token(String id, String name, String description, String scope, String entityId, Duration age,
			Integer expiryDays, Profile creator, TokenRole... roles) {
		Instant created = now.minus(age);
		Instant expires = expiryDays == null ? null : created.plus(Duration.ofDays(expiryDays));
		String workspaceId = switch (scope) {
			case "WORKSPACE" -> entityId;
			case "DEPLOYMENT" -> tx.deployment(ORGANIZATION_ID, entityId).orElseThrow().workspaceId();
			default -> null;
		};
		Issued issued = minter.mint(id, Permissions.of(ORGANIZATION_ID, workspaceId,
				"DEPLOYMENT".equals(scope) ? entityId : null), created, expires);
		tx.saveToken(new StoredToken(ORGANIZATION_ID, entityId, issued.hash(),
				new Token(id, name, description, scope, "STANDARD", issued.shortToken(), Times.format(created),
						Times.format(expires), expiryDays, Times.format(created), Times.format(created), creator,
						creator, null, null, List.of(roles), null)));
	}

	private String ago(Duration age) {
		return Times.format(now.minus(age));
	}
}
