package dev.astroshell.token;

import java.time.Instant;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;

/**
 * A token as the cached lists keep it for completion and name resolution: what they match and show, and its role on
 * the one entity the list was read for, instead of every field and role of the API's record (a REPL that listed
 * 10,000 tokens keeps these only). Never written back: a write starts from a token read within the command.
 */
record TokenSummary(String id, String name, String description, TokenScope scope, String role, Instant createdAt,
		Instant endAt) {

	/** The summary of a listed token, with its role on {@code place} (null: none, or no place). */
	static TokenSummary of(ApiToken token, Place place) {
		return new TokenSummary(token.id(), token.name(), token.description(), token.scope(),
				place == null ? null : place.roleOf(token), token.createdAt(), token.endAt());
	}
}
