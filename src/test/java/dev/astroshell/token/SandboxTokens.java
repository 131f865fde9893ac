package dev.astroshell.token;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiTarget;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.AstroApi;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.WebClientAstroApi;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reads the sandbox's state behind the shell's back, and tries secrets as bearer tokens. Its calls land in the
 * request log too: assert the log before reading state.
 */
final class SandboxTokens {

	static final String ORG = SandboxSeed.ORGANIZATION_ID;

	private static final AstroProperties.Api SETTINGS = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2),
			Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofMillis(50), 100, 2);

	private SandboxTokens() {
	}

	/** A client that authenticates with {@code secret}. */
	static AstroApi as(SandboxFixture fixture, String secret) {
		return new WebClientAstroApi(WebClient.builder(), JsonMapper.builder().build(), SETTINGS,
				new ApiTarget(fixture.server().baseUrl(), secret), "astro-shell/test");
	}

	/** The token as the sandbox holds it now (read with the development token). */
	static ApiToken token(SandboxFixture fixture, String tokenId) {
		return as(fixture, fixture.server().developmentToken()).getToken(ORG, tokenId).block();
	}

	static List<TokenRole> roles(SandboxFixture fixture, String tokenId) {
		return token(fixture, tokenId).roles();
	}

	/** True when the sandbox no longer has the token (E3 answers 404). */
	static boolean isGone(SandboxFixture fixture, String tokenId) {
		ApiException e = catchThrowableOfType(ApiException.class, () -> token(fixture, tokenId));
		return e != null && e.isNotFound();
	}

	/** The HTTP status the sandbox answers to a call authenticated with {@code secret}: 200 or the error's. */
	static int statusWith(SandboxFixture fixture, String secret) {
		try {
			as(fixture, secret).getOrganization(ORG).block();
			return 200;
		}
		catch (ApiException e) {
			return e.status();
		}
	}

	static TokenRole deploymentRole(String deploymentId, String role) {
		return TokenRole.deployment(deploymentId, role);
	}

	static TokenRole role(String entityType, String entityId, String role) {
		return new TokenRole(dev.astroshell.api.EntityType.of(entityType), entityId, role, null);
	}
}
