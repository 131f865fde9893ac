package dev.astroshell.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A custom role of the organization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(String id, String name, String description, String scopeType, List<String> restrictedWorkspaceIds,
		Instant createdAt, SubjectProfile createdBy, Instant updatedAt, SubjectProfile updatedBy) {
}
