package dev.astroshell.token;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceUnitTest {

	static ApiToken token(List<TokenRole> roles) {
		return new ApiToken("t1", "ci", "", TokenScope.DEPLOYMENT, "STANDARD", "abc", null, null, null, null, null,
				null, null, null, null, roles, null);
	}

	@Test
	void replacesOnlyThisDeploymentsRoleAndKeepsDagAndOtherRoles() {
		TokenRole dag = new TokenRole(EntityType.DAG, "etl_daily", "DAG_VIEWER", "d1");
		TokenRole other = TokenRole.deployment("d2", "Deploy Bot");
		ApiToken t = token(List.of(dag, TokenRole.deployment("d1", "DEPLOYMENT_ADMIN"), other));
		assertThat(RoleWrite.withRole(t, Place.deployment("d1"), "Deploy Bot").roles())
			.containsExactly(dag, TokenRole.deployment("d1", "Deploy Bot"), other);
	}

	@Test
	void removingARoleDropsOnlyThatEntry() {
		TokenRole other = TokenRole.deployment("d2", "Deploy Bot");
		ApiToken t = token(List.of(TokenRole.deployment("d1", "DEPLOYMENT_ADMIN"), other));
		assertThat(RoleWrite.withRole(t, Place.deployment("d1"), null).roles()).containsExactly(other);
	}

	@Test
	void agesAsTheCliPrintsThem() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		assertThat(Ages.ago(now.minusSeconds(30), now)).isEqualTo("Just now");
		assertThat(Ages.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
		assertThat(Ages.ago(now.minusSeconds(5 * 3600), now)).isEqualTo("5 hours ago");
		assertThat(Ages.ago(now.minusSeconds(3 * 86400 + 5), now)).isEqualTo("3 days ago");
	}

	@Test
	void outcomeSaysTheNewNameThenOneLinePerChange() {
		ApiToken before = token(List.of());
		ApiToken after = new ApiToken("t1", "ci renamed", "nightly", TokenScope.DEPLOYMENT, "STANDARD", "abc", null,
				null, null, null, null, null, null, null, null, List.of(), null);
		assertThat(TokenUnit.updated(before, after, "DEPLOYMENT_ADMIN", "Deploy Bot")).isEqualTo("""
				Astro Deployment API token ci renamed was successfully updated
				name: ci -> ci renamed
				description: "" -> nightly
				role: DEPLOYMENT_ADMIN -> Deploy Bot""");
		assertThat(TokenUnit.updated(before, before, "X", "X"))
			.isEqualTo("Astro Deployment API token ci: nothing to change");
	}

	@Test
	void secretNeverInToString() {
		ApiToken withSecret = new ApiToken("t1", "ci", "", TokenScope.DEPLOYMENT, "STANDARD", "abc", null, null, null,
				null, null, null, null, null, null, List.of(), "eyJsecret");
		assertThat(withSecret.toString()).doesNotContain("eyJsecret");
	}
}
