package dev.astroshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and verifies the sandbox's API tokens: HS256 JWTs (docs/api.md §4) signed with a key kept in the data dir, so
 * that every process on that dir accepts the same tokens.
 */
final class TokenSigner {

	static final String ISSUER = "astro-sandbox";

	private static final String HEADER = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

	/**
	 * The claims the sandbox reads back; {@code expiresAt} is null for a token that never expires.
	 * @param shortToken the display prefix, taken from the random {@code jti}
	 */
	record Claims(String apiTokenId, List<String> permissions, Instant expiresAt, String shortToken) {
	}

	/**
	 * A freshly issued secret. Only {@code hash} is stored.
	 * @param shortToken the token's non-secret display prefix (the start of its random {@code jti})
	 */
	record Issued(String secret, String hash, String shortToken) {
	}

	/** Why a bearer token is refused; the message never contains the token. */
	static final class InvalidToken extends Exception {
		InvalidToken(String message) {
			super(message, null, false, false);
		}
	}

	private final SecretKeySpec key;

	private final JsonMapper json;

	TokenSigner(Path keyFile, JsonMapper json) {
		String encoded = SecretFiles.readOrCreate(keyFile, () -> Base64.getEncoder().encodeToString(randomBytes(32)));
		this.key = new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256");
		this.json = json;
	}

	Issued issue(String tokenId, List<String> permissions, Instant issuedAt, Instant expiresAt) {
		String jti = randomId(24);
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", ISSUER);
		claims.put("jti", jti);
		claims.put("apiTokenId", tokenId);
		claims.put("permissions", permissions);
		claims.put("iat", issuedAt.getEpochSecond());
		if (expiresAt != null) {
			claims.put("exp", expiresAt.getEpochSecond());
		}
		String unsigned = HEADER + "." + base64Url(json.writeValueAsBytes(claims));
		String secret = unsigned + "." + base64Url(mac(unsigned));
		return new Issued(secret, hash(secret), shortToken(jti));
	}

	/** Checks the signature and the expiry; whether the token still exists is the store's business. */
	Claims verify(String jwt, Instant now) throws InvalidToken {
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3) {
			throw new InvalidToken("invalid or malformed API token");
		}
		byte[] signature;
		JsonNode claims;
		try {
			signature = Base64.getUrlDecoder().decode(parts[2]);
			claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidToken("invalid or malformed API token");
		}
		if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
			throw new InvalidToken("invalid API token");
		}
		Instant expiresAt = claims.hasNonNull("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			throw new InvalidToken("API token is expired");
		}
		List<String> permissions = new ArrayList<>();
		claims.path("permissions").forEach(p -> permissions.add(p.asString()));
		return new Claims(claims.path("apiTokenId").asString(""), permissions, expiresAt,
				shortToken(claims.path("jti").asString("")));
	}

	private static String shortToken(String jti) {
		return jti.substring(0, Math.min(7, jti.length()));
	}

	/** The stored form of a secret: its SHA-256, hex. */
	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A cuid-like ID: {@code cl} and 23 lowercase letters or digits. */
	static String newId() {
		return "cl" + randomId(23);
	}

	private static String randomId(int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	private byte[] mac(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
