package dev.astroshell.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenClaimsTest {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

	/** An unsigned JWT-shaped string with the given payload: the shell never verifies signatures. */
	static String jwt(String payloadJson) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}

	@Test
	void aLoginTokenThatNamesNoOrganizationWorksInItsContextsOrganizationOnly() {
		String userToken = jwt("{\"sub\":\"someone\",\"exp\":4000000000}");
		assertThat(TokenClaims.read(userToken, NOW, "clorg").organizationId()).isEqualTo("clorg");
		assertThatThrownBy(() -> TokenClaims.read(userToken, NOW)).isInstanceOf(CliException.class)
			.hasMessage("API Token is invalid or malformed");
		assertThat(TokenClaims.isExpired(jwt("{\"exp\":1000}"), NOW)).isTrue();
		assertThat(TokenClaims.isExpired(userToken, NOW)).isFalse();
	}

	@Test
	void readsOrganizationWorkspaceIdAndExpiry() {
		TokenClaims c = TokenClaims.read(jwt("""
				{"permissions":["organizationId:org1","workspaceId:ws1"],"apiTokenId":"tok1","exp":1900000000}"""),
				NOW);
		assertThat(c).isEqualTo(new TokenClaims("org1", "ws1", "tok1", Instant.ofEpochSecond(1900000000)));
	}

	@Test
	void noExpiryMeansNever() {
		assertThat(TokenClaims.read(jwt("{\"permissions\":[\"organizationId:o\"]}"), NOW).expiresAt()).isNull();
	}

	@Test
	void refusesWhatIsNotAJwtWithoutEchoingIt() {
		for (String bad : new String[] { "not-a-token", "a.b", "a.!!!.c", jwt("[1,2]"), jwt("{\"permissions\":[]}"),
				"" }) {
			assertThatThrownBy(() -> TokenClaims.read(bad, NOW)).isInstanceOf(CliException.class)
				.hasMessage("API Token is invalid or malformed")
				.satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.AUTH));
		}
	}

	@Test
	void refusesAnExpiredToken() {
		assertThatThrownBy(
				() -> TokenClaims.read(jwt("{\"permissions\":[\"organizationId:o\"],\"exp\":1700000000}"), NOW))
			.isInstanceOf(CliException.class)
			.hasMessage("API Token is expired");
	}
}
