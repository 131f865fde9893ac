package dev.astroshell.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(String id, String name, String organizationId, String workspaceId, String workspaceName,
		String namespace, String status, String astroRuntimeVersion, String airflowVersion, String type,
		String cloudProvider, String region, boolean isDagDeployEnabled, boolean isCicdEnforced, Instant createdAt,
		Instant updatedAt) {
}
