package dev.astroshell.sandbox;

import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.SandboxStore.StoredToken;

/**
 * Writes documents into a sandbox's store as they are, past the API's validation: for tests of what a client does
 * with values the API may serve one day (a scope or an entity type added later).
 */
public final class SandboxRawStore {

	private SandboxRawStore() {
	}

	/**
	 * Stores a token document (the API's ApiToken JSON) in the seed's organization, bound to {@code entityId}; no
	 * secret authenticates as it.
	 */
	public static void putToken(SandboxData data, String entityId, String tokenJson) {
		Token doc = data.json().readValue(tokenJson, Token.class);
		data.store().write(tx -> {
			tx.saveToken(new StoredToken(SandboxSeed.ORGANIZATION_ID, entityId, "no secret", doc));
			return null;
		});
	}
}
