package dev.astroshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One role of a token (schema ApiTokenRole); {@code deploymentId} only for DAG and DAG_TAG roles. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenRole(EntityType entityType, String entityId, String role, String deploymentId) {

	public static TokenRole deployment(String deploymentId, String role) {
		return new TokenRole(EntityType.DEPLOYMENT, deploymentId, role, null);
	}
}
