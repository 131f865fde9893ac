package dev.astroshell.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record SelfUser(String id, String username, String fullName, String status, Instant createdAt,
		Instant updatedAt, String organizationId) {
}
