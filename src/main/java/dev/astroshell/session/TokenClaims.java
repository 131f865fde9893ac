package dev.astroshell.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import dev.astroshell.cli.CliException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims of an Astro API token read without verifying its signature (docs/api.md §4): enough to know the
 * organization, workspace, token ID and expiry before any network call.
 */
public record TokenClaims(String organizationId, String workspaceId, String apiTokenId, Instant expiresAt) {

	static final String MALFORMED = "API Token is invalid or malformed";

	static final String EXPIRED = "API Token is expired";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads the claims; fails with exit code 4 when the token is not a JWT, has no organization, or has expired. */
	public static TokenClaims read(String token, Clock clock) {
		return read(token, clock, null);
	}

	/**
	 * Reads the claims of a token that may name no organization, as a user's login token from the {@code astro} CLI
	 * does: its context says which organization it works in.
	 * @param contextOrganizationId the organization of the context the token was saved with, or null
	 */
	static TokenClaims read(String token, Clock clock, String contextOrganizationId) {
		TokenClaims claims = parse(token);
		if (claims.organizationId() == null) {
			if (contextOrganizationId == null) {
				throw CliException.auth(MALFORMED);
			}
			claims = new TokenClaims(contextOrganizationId, claims.workspaceId(), claims.apiTokenId(),
					claims.expiresAt());
		}
		if (expired(claims.expiresAt(), clock)) {
			throw CliException.auth(EXPIRED);
		}
		return claims;
	}

	/** Whether the token is a JWT whose expiry has passed; false for one that never expires. */
	static boolean isExpired(String token, Clock clock) {
		return expired(parse(token).expiresAt(), clock);
	}

	private static boolean expired(Instant expiresAt, Clock clock) {
		return expiresAt != null && !expiresAt.isAfter(clock.instant());
	}

	/** The claims; the organization is null when the token names none. */
	private static TokenClaims parse(String token) {
		String[] parts = token == null ? new String[0] : token.trim().split("\\.", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			throw CliException.auth(MALFORMED);
		}
		JsonNode payload;
		try {
			payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		}
		catch (RuntimeException e) {
			// the message of a decoding error could quote the token: never pass it on
			throw CliException.auth(MALFORMED);
		}
		if (payload == null || !payload.isObject()) {
			throw CliException.auth(MALFORMED);
		}
		String org = null;
		String workspace = null;
		JsonNode permissions = payload.get("permissions");
		if (permissions != null && permissions.isArray()) {
			for (JsonNode p : permissions) {
				String value = p.asString("");
				if (org == null && value.startsWith("organizationId:")) {
					org = value.substring("organizationId:".length());
				}
				else if (workspace == null && value.startsWith("workspaceId:")) {
					workspace = value.substring("workspaceId:".length());
				}
			}
		}
		JsonNode id = payload.get("apiTokenId");
		JsonNode exp = payload.get("exp");
		return new TokenClaims(org == null || org.isBlank() ? null : org, workspace, id == null ? null : id.asString(null),
				exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null);
	}
}
