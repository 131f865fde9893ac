package dev.astroshell.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Workspace(String id, String name, String organizationId, String description,
		boolean cicdEnforcedDefault, Instant createdAt, Instant updatedAt) {
}
