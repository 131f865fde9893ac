package dev.astroshell.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Renderer;

import static dev.astroshell.token.TokenUnit.DEPLOYMENT;
import static dev.astroshell.token.TokenUnit.NOW;
import static dev.astroshell.token.TokenUnit.ORG;
import static dev.astroshell.token.TokenUnit.deploymentToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Expiry you see coming, on a frozen clock: {@code --expiring-within}, the list's footer, and the line said once per
 * deployment in the REPL from lists read anyway (never from a request of its own).
 */
class ExpiryUnitTest {

	final TokenUnit unit = new TokenUnit();

	final ApiToken soon = ending(deploymentToken("t1", "ci", "DEPLOYMENT_ADMIN"), NOW.plus(Duration.ofDays(2)));

	final ApiToken expired = ending(deploymentToken("t2", "old", "DAG_RUNNER"), NOW.minus(Duration.ofDays(3)));

	final ApiToken later = ending(deploymentToken("t3", "monthly", "DAG_RUNNER"), NOW.plus(Duration.ofDays(30)));

	final ApiToken forever = deploymentToken("t4", "forever", "DAG_RUNNER");

	@AfterEach
	void everyExpectedCallWasMade() {
		unit.api.verifyAllCalled();
		unit.prompter.verifyAllConsumed();
	}

	@Test
	void theListEndsWithHowManyExpireWithinAWeekOrHaveExpired() {
		unit.expectDeploymentList(soon, expired, later, forever);
		List<String> names = new ArrayList<>();

		String footer = unit.lists.list(TokenFamily.DEPLOYMENT, null, null, place -> collect(names));

		assertThat(names).containsExactly("ci", "forever", "monthly", "old");
		assertThat(footer).isEqualTo("1 token expires within 7 days; 1 has expired");
	}

	@Test
	void expiringWithinKeepsTheTokensEndingWithinThatManyDaysExpiredOnesIncluded() {
		List<String> names = new ArrayList<>();
		unit.expectDeploymentList(soon, expired, later, forever);
		unit.lists.list(TokenFamily.DEPLOYMENT, null, 7, place -> collect(names));
		assertThat(names).containsExactly("ci", "old");

		names.clear();
		unit.expectDeploymentList(soon, expired, later, forever);
		String footer = unit.lists.list(TokenFamily.DEPLOYMENT, null, 0, place -> collect(names));
		assertThat(names).containsExactly("old");
		assertThat(footer).as("the footer counts the deployment's tokens, not only those shown")
			.isEqualTo("1 token expires within 7 days; 1 has expired");

		unit.expectDeploymentList(soon, expired, later, forever);
		assertThat(unit.lists.list(GrantKind.WORKSPACE, null, 7).tokens()).isEmpty();
	}

	@Test
	void aNegativeNumberOfDaysIsAUsageErrorBeforeAnyRequest() {
		CliException e = catchThrowableOfType(CliException.class,
				() -> unit.lists.list(TokenFamily.DEPLOYMENT, null, -1, place -> collect(new ArrayList<>())));
		assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(e.getMessage()).isEqualTo("invalid --expiring-within -1: use a number of days, 0 or more");
	}

	@Test
	void noTokenEndingSoonMeansNoFooter() {
		unit.expectDeploymentList(later, forever);
		assertThat(unit.lists.list(TokenFamily.DEPLOYMENT, null, null, place -> collect(new ArrayList<>()))).isNull();
	}

	@Test
	void theLineWordsEachCase() {
		assertThat(line(soon, soon)).isEqualTo("2 tokens expire within 7 days");
		assertThat(line(expired)).isEqualTo("1 token has expired");
		assertThat(line(expired, expired)).isEqualTo("2 tokens have expired");
		assertThat(line(soon, expired, expired)).isEqualTo("1 token expires within 7 days; 2 have expired");
		assertThat(line(ending(forever, NOW.plus(Duration.ofDays(7))))).as("exactly a week away")
			.isEqualTo("1 token expires within 7 days");
	}

	@Test
	void inTheReplTheFirstTokenCommandOnADeploymentSaysTheLineOnce() {
		unit.interactive = true;
		unit.expectDeploymentList(soon, expired, forever); // read anyway, to find the token by name
		unit.api.expect("rotateToken", ORG, "t1").reply(soon);

		String first = unit.written(unit.rotate, new RotateToken.Options(null, "ci", true, null), false);

		assertThat(first.lines().toList()).last().isEqualTo("1 token expires within 7 days; 1 has expired");
		unit.expectGet(soon);
		unit.api.expect("rotateToken", ORG, "t1").reply(soon);
		assertThat(unit.written(unit.rotate, new RotateToken.Options("t1", null, true, null), false))
			.doesNotContain("expire");
	}

	@Test
	void oneShotAndJsonNeverCarryTheLine() {
		unit.expectDeploymentList(soon, expired);
		unit.api.expect("rotateToken", ORG, "t1").reply(soon);
		assertThat(unit.written(unit.rotate, new RotateToken.Options(null, "ci", true, null), false))
			.doesNotContain("expire");

		unit.interactive = true;
		unit.expectDeploymentList(soon, expired);
		unit.api.expect("rotateToken", ORG, "t1").reply(soon);
		assertThat(unit.written(unit.rotate, new RotateToken.Options(null, "ci", true, null), true))
			.doesNotContain("expire");
	}

	@Test
	void enteringADeploymentSaysTheLineFromItsLastListAndNeverReads() {
		unit.interactive = true;
		assertThat(unit.notice.onEntering(DEPLOYMENT)).as("never listed: nothing known, nothing read").isNull();

		unit.expectDeploymentList(soon, forever);
		unit.tokens.ofDeployment(DEPLOYMENT);

		assertThat(unit.notice.onEntering(DEPLOYMENT)).isEqualTo("1 token expires within 7 days");
		assertThat(unit.notice.unsaid()).as("said on entering: not again after the next command").isEmpty();
		unit.interactive = false;
		assertThat(unit.notice.onEntering(DEPLOYMENT)).as("one-shot").isNull();
	}

	@Test
	void anotherDeploymentsLineIsNamed() {
		unit.interactive = true;
		unit.api.expect("listTokens", ORG, TokenQuery.ofDeployment("dep-9"), 0, TokenUnit.PAGE)
			.reply(new TokensPage(List.of(expired), 0, TokenUnit.PAGE, 1));
		unit.tokens.ofDeployment("dep-9");
		assertThat(unit.notice.unsaid()).containsExactly("dep-9: 1 token has expired");
	}

	private String line(ApiToken... tokens) {
		Expiry expiry = new Expiry(NOW);
		for (ApiToken t : tokens) {
			expiry.add(t.endAt());
		}
		return expiry.line();
	}

	private static Renderer.ListWriter<ApiToken> collect(List<String> names) {
		return new Renderer.ListWriter<>() {

			@Override
			public void page(List<ApiToken> items) {
				items.forEach(t -> names.add(t.name()));
			}

			@Override
			public void end() {
			}
		};
	}

	static ApiToken ending(ApiToken t, Instant endAt) {
		return new ApiToken(t.id(), t.name(), t.description(), t.scope(), t.kind(), t.shortToken(), t.startAt(),
				t.createdAt(), t.updatedAt(), t.createdBy(), t.updatedBy(), endAt, t.expiryPeriodInDays(),
				t.lastRotatedAt(), t.lastUsedAt(), t.roles(), t.token());
	}
}
