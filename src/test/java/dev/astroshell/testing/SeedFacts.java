package dev.astroshell.testing;

import java.util.List;

/**
 * What the sandbox's production seed ({@code sandbox.SandboxSeed}) is known to hold, by name, for tests that compare
 * an answer with it: a reader sees what is compared, and a change to the seed shows up here once. Values are written
 * out rather than read from the seed's constants, so that a test fails when the seed stops holding them. The IDs,
 * which mean nothing to a reader, stay in {@code SandboxSeed}.
 */
public final class SeedFacts {

	public static final String ORGANIZATION = "Sandbox Org";

	public static final String WORKSPACE_DATA = "Data Engineering";

	public static final String WORKSPACE_ML = "Machine Learning";

	/** Data Engineering's deployments. */
	public static final String ETL_PROD = "etl-prod";

	public static final String ETL_STAGING = "etl-staging";

	/** Machine Learning's deployments. */
	public static final String ML_DEV = "ml-dev";

	public static final String ML_PROD = "ml-prod";

	/** Every deployment of the organization, as the API sorts them (by name). */
	public static final List<String> DEPLOYMENTS = List.of(ETL_PROD, ETL_STAGING, ML_DEV, ML_PROD);

	/** Astro's one default deployment role. */
	public static final String DEPLOYMENT_ADMIN = "DEPLOYMENT_ADMIN";

	/** Custom roles: two of deployment scope, one of workspace scope. */
	public static final String ROLE_DEPLOY_BOT = "Deploy Bot";

	public static final String ROLE_DAG_RUNNER = "DAG_RUNNER";

	public static final String ROLE_WORKSPACE_AUDITOR = "Workspace Auditor";

	public static final List<String> CUSTOM_DEPLOYMENT_ROLES = List.of(ROLE_DEPLOY_BOT, ROLE_DAG_RUNNER);

	public static final List<String> CUSTOM_ROLES = List.of(ROLE_DEPLOY_BOT, ROLE_DAG_RUNNER, ROLE_WORKSPACE_AUDITOR);

	/** The name two deployment tokens of etl-prod share; the older one has the role {@link #ROLE_DEPLOY_BOT}. */
	public static final String TOKEN_CI_DEPLOY = "Ci Deploy Token";

	/** A deployment token of etl-prod with non-ASCII letters and a space, role {@link #ROLE_DAG_RUNNER}. */
	public static final String TOKEN_EQUIPE = "Équipe données";

	private SeedFacts() {
	}

}
