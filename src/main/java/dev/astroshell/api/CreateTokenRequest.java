package dev.astroshell.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of E2 (CreateApiTokenRequest). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTokenRequest(String name, String role, TokenScope scope, String description, String entityId,
		String kind, Integer tokenExpiryPeriodInDays) {
}
