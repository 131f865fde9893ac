package dev.astroshell.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String name, String product, String status, Instant createdAt,
		Instant updatedAt) {
}
