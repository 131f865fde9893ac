package dev.astroshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of E5. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenRolesResult(String organizationRole, List<ScopedRole> workspaceRoles,
		List<DeploymentRole> deploymentRoles, List<DagRole> dagRoles) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ScopedRole(String workspaceId, String role) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DeploymentRole(String deploymentId, String role) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DagRole(String deploymentId, String dagId, String dagTag, String role) {
	}
}
