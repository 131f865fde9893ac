package dev.astroshell.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.astroshell.sandbox.ApiDocs.Organization;
import dev.astroshell.sandbox.ApiDocs.Profile;
import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.ApiDocs.TokenRole;
import dev.astroshell.sandbox.SandboxStore.StoredToken;
import dev.astroshell.sandbox.TokenSigner.Issued;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sandbox data dir: the SQLite store, the signing key and the development token's secret. Usable without a server
 * (e.g. {@code sandbox reset} while nothing serves). Seeds the store when it is empty.
 */
public final class SandboxData implements AutoCloseable {

	static final String DB_FILE = "sandbox.db";

	static final String KEY_FILE = "signing-key";

	static final String DEV_TOKEN_FILE = "development-token";

	/** A new organization and its owner token, made through the management API for multi-organization tests. */
	public record OrganizationOwner(String organizationId, String token) {
	}

	private final Path dir;

	private final Clock clock;

	private final JsonMapper json;

	private final SandboxStore store;

	private final TokenSigner signer;

	public SandboxData(Path dir, Clock clock) {
		this.dir = createPrivateDir(dir);
		this.clock = clock;
		this.json = jsonMapper();
		this.signer = new TokenSigner(dir.resolve(KEY_FILE), json);
		this.store = new SandboxStore(dir.resolve(DB_FILE), json);
		store.write(tx -> {
			if (tx.isEmpty()) {
				seed(tx);
			}
			return null;
		});
	}

	/** The JSON form the sandbox writes: absent optional fields are left out, never {@code null}. */
	static JsonMapper jsonMapper() {
		return JsonMapper.builder()
			.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	public Path dir() {
		return dir;
	}

	/** The development token (an organization owner of the seed's organization), the same for every process. */
	public String developmentToken() {
		return SecretFiles.readIfExists(developmentTokenFile());
	}

	/** The private file holding the development token, for {@code login --token-file}. */
	public Path developmentTokenFile() {
		return dir.resolve(DEV_TOKEN_FILE);
	}

	/** Restores the seed; the development token stays valid. */
	public void reset() {
		store.write(tx -> {
			reset(tx);
			return null;
		});
	}

	void reset(SandboxStore.Tx tx) {
		tx.deleteAll();
		seed(tx);
	}

	/** Adds an organization with one organization-owner token (not part of the seed; for tests of a foreign org). */
	public OrganizationOwner createOrganization(String name) {
		return store.write(tx -> createOrganization(tx, name));
	}

	OrganizationOwner createOrganization(SandboxStore.Tx tx, String name) {
		Instant now = clock.instant();
		String orgId = TokenSigner.newId();
		String tokenId = TokenSigner.newId();
		tx.insertOrganization(Organization.hosted(orgId, name, Times.format(now),
				Profile.apiToken(tokenId, name + " owner")));
		Issued issued = signer.issue(tokenId, Permissions.of(orgId, null, null), now, null);
		tx.saveToken(new StoredToken(orgId, orgId, issued.hash(),
				new Token(tokenId, name + " owner", "", "ORGANIZATION", "STANDARD", issued.shortToken(),
						Times.format(now), null, null, Times.format(now), Times.format(now), null, null, null,
						null, List.of(new TokenRole("ORGANIZATION", orgId, "ORGANIZATION_OWNER")), null)));
		return new OrganizationOwner(orgId, issued.secret());
	}

	/** Closes the database connections (opened again if the data is used again). */
	@Override
	public void close() {
		store.close();
	}

	Clock clock() {
		return clock;
	}

	JsonMapper json() {
		return json;
	}

	SandboxStore store() {
		return store;
	}

	TokenSigner signer() {
		return signer;
	}

	private void seed(SandboxStore.Tx tx) {
		SandboxSeed.populate(tx, clock.instant(), signer::issue, developmentTokenSecret());
	}

	/** The kept development token if it is still one of this key's, else a new one (written before the seed commits). */
	private Issued developmentTokenSecret() {
		String kept = developmentToken();
		if (kept != null) {
			try {
				TokenSigner.Claims claims = signer.verify(kept, clock.instant());
				if (SandboxSeed.TOKEN_DEVELOPMENT_ID.equals(claims.apiTokenId())) {
					return new Issued(kept, TokenSigner.hash(kept), claims.shortToken());
				}
			}
			catch (TokenSigner.InvalidToken stale) {
				// signed by a key that was deleted since: issue a new one below
			}
		}
		Issued issued = signer.issue(SandboxSeed.TOKEN_DEVELOPMENT_ID,
				Permissions.of(SandboxSeed.ORGANIZATION_ID, null, null), clock.instant(), null);
		SecretFiles.write(dir.resolve(DEV_TOKEN_FILE), issued.secret());
		return issued;
	}

	private static Path createPrivateDir(Path dir) {
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the sandbox data dir " + dir, ex);
		}
	}
}
