package dev.astroshell.token;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.SubjectProfile;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.RendererWidthTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token table on terminals 120, 80 and 60 columns wide: the role stays whole; the description, EXPIRES, CREATED BY
 * and CREATED give way in that order, then the ID and a long name are cut; a note says how many columns were hidden.
 */
class TokenTableWidthTest {

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final String DEPLOYMENT = "dep-1";

	static final SubjectProfile ADA = new SubjectProfile("u1", "USER", "Ada Lovelace", "ada", null, null);

	static final List<ApiToken> TOKENS = List.of(
			token("clvj50ce9uvw53efr4edt2syw", "Ci Deploy Token", "Deploys the DAGs from the CI pipeline",
					"DEPLOYMENT_ADMIN", NOW.plus(Duration.ofDays(5))),
			token("clb3wkh5dnsipzz5fk2z9ri19", "Équipe données", "Accès de l'équipe données", "DAG_RUNNER", null));

	@Test
	void at120TheDescriptionIsShortenedAndEveryColumnShows() {
		assertThat(table(120)).containsExactly(
				"ID                         NAME             DESCRIP…  SCOPE       DEPLOYMENT ROLE   EXPIRES    CREATED      CREATED BY",
				"clvj50ce9uvw53efr4edt2syw  Ci Deploy Token  Deploys…  DEPLOYMENT  DEPLOYMENT_ADMIN  in 5 days  12 days ago  Ada Lovelace",
				"clb3wkh5dnsipzz5fk2z9ri19  Équipe données   Accès d…  DEPLOYMENT  DAG_RUNNER        never      12 days ago  Ada Lovelace");
	}

	@Test
	void at100TheDescriptionThenExpiresGiveWay() {
		assertThat(table(100)).containsExactly(
				"ID                         NAME             SCOPE       DEPLOYMENT ROLE   CREATED      CREATED BY",
				"clvj50ce9uvw53efr4edt2syw  Ci Deploy Token  DEPLOYMENT  DEPLOYMENT_ADMIN  12 days ago  Ada Lovelace",
				"clb3wkh5dnsipzz5fk2z9ri19  Équipe données   DEPLOYMENT  DAG_RUNNER        12 days ago  Ada Lovelace",
				"(2 columns hidden; widen the terminal or use -o json)");
	}

	@Test
	void at80CreatedByAndCreatedGiveWayTooAndTheRoleStaysWhole() {
		assertThat(table(80)).containsExactly(
				"ID                         NAME             SCOPE       DEPLOYMENT ROLE",
				"clvj50ce9uvw53efr4edt2syw  Ci Deploy Token  DEPLOYMENT  DEPLOYMENT_ADMIN",
				"clb3wkh5dnsipzz5fk2z9ri19  Équipe données   DEPLOYMENT  DAG_RUNNER",
				"(4 columns hidden; widen the terminal or use -o json)");
	}

	@Test
	void at60TheIdIsCutLast() {
		assertThat(table(60)).containsExactly(
				"ID             NAME             SCOPE       DEPLOYMENT ROLE",
				"clvj50ce9uvw…  Ci Deploy Token  DEPLOYMENT  DEPLOYMENT_ADMIN",
				"clb3wkh5dnsi…  Équipe données   DEPLOYMENT  DAG_RUNNER",
				"(4 columns hidden; widen the terminal or use -o json)");
	}

	@Test
	void at60ALongNameIsCutWithTheIdAndTheRoleStaysWhole() {
		List<ApiToken> tokens = List.of(token("clbe2u66mr26846p7q9m2i0hz", "Data Eng workspace token automation",
				"Workspace automation", "DEPLOYMENT_ADMIN", null));
		assertThat(RendererWidthTest.renderer(60)
			.table(tokens, TokenColumns.columns(Place.deployment(DEPLOYMENT), CLOCK))
			.lines()).containsExactly("ID        NAME                  SCOPE       DEPLOYMENT ROLE",
					"clbe2u6…  Data Eng workspace…   DEPLOYMENT  DEPLOYMENT_ADMIN",
					"(4 columns hidden; widen the terminal or use -o json)");
	}

	@Test
	void withoutATerminalNothingIsHiddenOrCut() {
		assertThat(table(0)).hasSize(3).first().asString().contains("DESCRIPTION", "EXPIRES", "CREATED BY");
		assertThat(table(0).get(1)).contains("clvj50ce9uvw53efr4edt2syw", "Deploys the DAGs from the CI pipeline");
	}

	@Test
	void theStreamedListHidesTheSameColumnsAndEndsWithTheSameNote() {
		StringWriter out = new StringWriter();
		Renderer.ListWriter<ApiToken> writer = RendererWidthTest.renderer(60).stream(OutputFormat.TABLE, out,
				TokenColumns.columns(Place.deployment(DEPLOYMENT), CLOCK));
		writer.page(TOKENS);
		writer.end();
		assertThat(out.toString().lines()).containsExactlyElementsOf(table(60));
	}

	@Test
	void expiresSaysWhenInDaysHoursOrMinutesOrNever() {
		assertThat(Ages.expires(null, NOW)).isEqualTo("never");
		assertThat(Ages.expires(NOW.plus(Duration.ofDays(5)), NOW)).isEqualTo("in 5 days");
		assertThat(Ages.expires(NOW.plus(Duration.ofDays(1)), NOW)).isEqualTo("in 1 day");
		assertThat(Ages.expires(NOW.plus(Duration.ofHours(5)), NOW)).isEqualTo("in 5 hours");
		assertThat(Ages.expires(NOW.plus(Duration.ofMinutes(1)), NOW)).isEqualTo("in 1 minute");
		assertThat(Ages.expires(NOW.plusSeconds(20), NOW)).isEqualTo("in under a minute");
		assertThat(Ages.expires(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("expired 3 days ago");
		assertThat(Ages.expires(NOW.minus(Duration.ofHours(2)), NOW)).isEqualTo("expired 2 hours ago");
		assertThat(Ages.expires(NOW, NOW)).isEqualTo("expired just now");
		assertThat(Ages.ago(NOW.minus(Duration.ofDays(2)), NOW)).as("the age keeps its wording").isEqualTo("2 days ago");
		assertThat(Ages.ago(NOW, NOW)).isEqualTo("Just now");
	}

	private static List<String> table(int width) {
		return RendererWidthTest.renderer(width)
			.table(TOKENS, TokenColumns.columns(Place.deployment(DEPLOYMENT), CLOCK))
			.lines()
			.toList();
	}

	private static ApiToken token(String id, String name, String description, String role, Instant endAt) {
		return new ApiToken(id, name, description, TokenScope.DEPLOYMENT, "STANDARD", "abc", null,
				NOW.minus(Duration.ofDays(12)), null, ADA, null, endAt, null, null, null,
				List.of(TokenRole.deployment(DEPLOYMENT, role)), null);
	}
}
