package dev.astroshell.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An Astro API token (schema ApiToken). {@code token} is the secret, present only in the answers of create and rotate. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(String id, String name, String description, TokenScope scope, String kind, String shortToken,
		Instant startAt, Instant createdAt, Instant updatedAt, SubjectProfile createdBy, SubjectProfile updatedBy,
		Instant endAt, Integer expiryPeriodInDays, Instant lastRotatedAt, Instant lastUsedAt, List<TokenRole> roles,
		String token) {

	public ApiToken {
		roles = roles == null ? List.of() : List.copyOf(roles);
		description = description == null ? "" : description;
	}

	/**
	 * The token's role on a deployment, or null: every DEPLOYMENT entry for it, joined with ", " in the list's order
	 * (older data or another client may have left several, and each one counts).
	 */
	public String deploymentRole(String deploymentId) {
		List<String> onIt = roles.stream()
			.filter(r -> EntityType.DEPLOYMENT.equals(r.entityType()) && r.entityId().equals(deploymentId))
			.map(TokenRole::role)
			.toList();
		return onIt.isEmpty() ? null : String.join(", ", onIt);
	}

	@Override
	public String toString() {
		// never let the secret reach a log line or an exception message through toString()
		return "ApiToken[id=" + id + ", name=" + name + ", scope=" + scope + ", roles=" + roles
				+ (token == null ? "" : ", token=<redacted>") + "]";
	}
}
