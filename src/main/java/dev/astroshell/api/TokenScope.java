package dev.astroshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The scope an API token belongs to; a scope Astro adds later is kept as its text. */
public final class TokenScope extends OpenValue {

	public static final TokenScope DEPLOYMENT = new TokenScope("DEPLOYMENT");

	public static final TokenScope WORKSPACE = new TokenScope("WORKSPACE");

	public static final TokenScope ORGANIZATION = new TokenScope("ORGANIZATION");

	private static final List<TokenScope> KNOWN = List.of(DEPLOYMENT, WORKSPACE, ORGANIZATION);

	private TokenScope(String name) {
		super(name);
	}

	@JsonCreator
	public static TokenScope of(String name) {
		return of(KNOWN, name, TokenScope::new);
	}
}
