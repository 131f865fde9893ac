package dev.astroshell.sandbox;

import java.util.List;

/**
 * The JSON documents the sandbox stores and serves, with the API's own field names (docs/api.md §2). Times are RFC 3339
 * UTC strings, so that they sort as text and are written exactly as stored. Absent optional fields are null and left
 * out of the JSON. Deliberately independent of the client's records in {@code dev.astroshell.api}.
 */
final class ApiDocs {

	private ApiDocs() {
	}

	/**
	 * Organization, with every field the v1 definition marks required; those added later are boxed, so that a
	 * document stored before they were served is read without them.
	 */
	record Organization(String id, String name, String product, String status, String createdAt, String updatedAt,
			Profile createdBy, Profile updatedBy, Boolean allowEnhancedSupportAccess,
			Boolean hasAllowedIpAddressRanges, Boolean isBlockedEnableAiFeatures, Boolean isScimEnabled,
			Boolean shouldEnforceDedicatedClusters, List<ProductPlan> productPlans) {

		/** An active hosted organization on the Team plan, created and last updated at {@code at}. */
		static Organization hosted(String id, String name, String at, Profile by) {
			return new Organization(id, name, "HOSTED", "ACTIVE", at, at, by, by, false, false, false, false, false,
					List.of(new ProductPlan("ASTRO", id, "pp" + id.substring(2), "TEAM")));
		}
	}

	/** OrganizationProductPlan. */
	record ProductPlan(String astronomerProduct, String organizationId, String productPlanId,
			String productPlanName) {
	}

	record Workspace(String id, String name, String organizationId, String description, boolean cicdEnforcedDefault,
			String createdAt, String updatedAt) {
	}

	/**
	 * Deployment, with every field the v1 definition marks required: beyond what the shell reads, the URLs of its
	 * Airflow, its image and its scheduler's and webserver's sizes ({@code schedulerReplicas} boxed, as in
	 * {@link Organization}).
	 */
	record Deployment(String id, String name, String organizationId, String workspaceId, String workspaceName,
			String namespace, String status, String astroRuntimeVersion, String airflowVersion, String type,
			String cloudProvider, String region, boolean isDagDeployEnabled, boolean isCicdEnforced, String createdAt,
			String updatedAt, Profile createdBy, Profile updatedBy, String runtimeVersion, String apiUrl, String uiUrl,
			String webServerUrl, String webServerAirflowApiUrl, String webServerIngressHostname,
			String imageRepository, String imageTag, String schedulerCpu, String schedulerMemory,
			Integer schedulerReplicas, String webServerCpu, String webServerMemory) {
	}

	/** BasicSubjectProfile. */
	record Profile(String id, String subjectType, String fullName, String username, String avatarUrl,
			String apiTokenName) {

		static Profile user(String id, String fullName, String username) {
			return new Profile(id, "USER", fullName, username, null, null);
		}

		static Profile apiToken(String id, String tokenName) {
			return new Profile(id, "SERVICEKEY", null, null, null, tokenName);
		}
	}

	/** A custom role (the API's {@code Role}). */
	record CustomRole(String id, String name, String description, String scopeType,
			List<String> restrictedWorkspaceIds, String createdAt, Profile createdBy, String updatedAt,
			Profile updatedBy) {
	}

	record DefaultRole(String name, String description, List<String> permissions, String scopeType) {
	}

	/** ApiTokenRole. */
	record TokenRole(String entityType, String entityId, String role, String deploymentId) {

		TokenRole(String entityType, String entityId, String role) {
			this(entityType, entityId, role, null);
		}
	}

	/** ApiToken; {@code token} (the secret) is set only in the answers of create and rotate, never stored. */
	record Token(String id, String name, String description, String scope, String kind, String shortToken,
			String startAt, String endAt, Integer expiryPeriodInDays, String createdAt, String updatedAt,
			Profile createdBy, Profile updatedBy, String lastRotatedAt, String lastUsedAt, List<TokenRole> roles,
			String token) {

		Token renamed(String newName, String newDescription, String now, Profile by) {
			return new Token(id, newName, newDescription, scope, kind, shortToken, startAt, endAt, expiryPeriodInDays,
					createdAt, now, createdBy, by, lastRotatedAt, lastUsedAt, roles, null);
		}

		Token withRoles(List<TokenRole> newRoles, String now, Profile by) {
			return new Token(id, name, description, scope, kind, shortToken, startAt, endAt, expiryPeriodInDays,
					createdAt, now, createdBy, by, lastRotatedAt, lastUsedAt, List.copyOf(newRoles), null);
		}

		Token rotated(String newShortToken, String now, Profile by) {
			return new Token(id, name, description, scope, kind, newShortToken, startAt, endAt, expiryPeriodInDays,
					createdAt, now, createdBy, by, now, lastUsedAt, roles, null);
		}

		Token withSecret(String secret) {
			return new Token(id, name, description, scope, kind, shortToken, startAt, endAt, expiryPeriodInDays,
					createdAt, updatedAt, createdBy, updatedBy, lastRotatedAt, lastUsedAt, roles, secret);
		}
	}
}
