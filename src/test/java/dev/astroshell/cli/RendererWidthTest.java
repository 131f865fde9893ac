package dev.astroshell.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.cli.Renderer.Column;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables fit the terminal they are shown on, the description-like column giving way first. */
public class RendererWidthTest {

	record Token(String id, String name, String description, String role) {
	}

	static final List<Token> TOKENS = List.of(
			new Token("clvj50ce9uvw53efr4edt2syw", "Ci Deploy Token", "Deploys the DAGs from the CI pipeline", "DEPLOYMENT_ADMIN"),
			new Token("clb3wkh5dnsipzz5fk2z9ri19", "Équipe données", "Accès de l'équipe données", "DAG_RUNNER"));

	static final List<Column<Token>> COLUMNS = List.of(new Column<Token>("ID", Token::id),
			new Column<>("NAME", Token::name), new Column<Token>("DESCRIPTION", Token::description).shrinking(),
			new Column<>("ROLE", Token::role));

	@Test
	void theShrinkingColumnGivesWayFirst() {
		String table = renderer(80).table(TOKENS, COLUMNS);
		assertThat(table.lines()).containsExactly(
				"ID                         NAME             DESCRIPTION         ROLE",
				"clvj50ce9uvw53efr4edt2syw  Ci Deploy Token  Deploys the DAGs…   DEPLOYMENT_ADMIN",
				"clb3wkh5dnsipzz5fk2z9ri19  Équipe données   Accès de l'équipe…  DAG_RUNNER");
	}

	@Test
	void tooNarrowEvenThenLinesAreCutAtTheEnd() {
		String table = renderer(50).table(TOKENS, COLUMNS);
		assertThat(table.lines()).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isEqualTo(50))
			.first()
			.asString()
			.startsWith("ID                         NAME             DESCR")
			.endsWith("…");
	}

	@Test
	void noTerminalOrJsonLeavesEverythingWhole() {
		assertThat(renderer(0).table(TOKENS, COLUMNS)).contains("Deploys the DAGs from the CI pipeline  DEPLOYMENT_ADMIN");
		assertThat(renderer(40).render(OutputFormat.JSON, TOKENS, TOKENS, COLUMNS))
			.contains("\"description\" : \"Deploys the DAGs from the CI pipeline\"");
	}

	/** One huge name must not pad every other row to its width: output grows with the input, not rows times it. */
	@Test
	void withoutATerminalAHugeCellIsCutAtTheColumnLimitAndPadsNothingBeyond() {
		String huge = "n".repeat(100_000);
		List<Token> tokens = new ArrayList<>(TOKENS);
		tokens.add(new Token("clhuge", huge, "big", "DAG_RUNNER"));

		String table = renderer(0).table(tokens, COLUMNS);

		assertThat(table.lines()).hasSize(4)
			.allSatisfy(line -> assertThat(line.length()).isLessThan(Renderer.MAX_COLUMN_WIDTH + 120));
		assertThat(table).contains("n".repeat(Renderer.MAX_COLUMN_WIDTH - 1) + "…  big")
			.contains("Deploys the DAGs from the CI pipeline  DEPLOYMENT_ADMIN");
		StringWriter streamed = new StringWriter();
		Renderer.ListWriter<Token> writer = renderer(0).stream(OutputFormat.TABLE, streamed, COLUMNS);
		writer.page(tokens);
		writer.end();
		assertThat(streamed.toString().lines()).as("streamed as listed").containsExactlyElementsOf(table.lines().toList());
	}

	/** A line cut just after a cell already cut ends in one ellipsis (deployment list at 60: not "Data En……"). */
	@Test
	void aLineCutAfterACutCellHasOneEllipsis() {
		List<Column<Token>> columns = List.of(new Column<Token>("NAME", Token::name),
				new Column<Token>("WORKSPACE", Token::description).shrinking(), new Column<>("ID", Token::id));
		List<String> lines = renderer(27).table(TOKENS, columns).lines().toList();
		assertThat(lines).contains("Ci Deploy Token  Deploys…", "Équipe données   Accès d…");
		assertThat(lines).noneMatch(line -> line.contains("……"));
	}

	@Test
	void aTableThatFitsIsUnchanged() {
		assertThat(renderer(200).table(TOKENS, COLUMNS)).isEqualTo(renderer(0).table(TOKENS, COLUMNS));
	}

	/** A renderer for a run that shows its output on a terminal {@code width} columns wide (0: not a terminal). */
	public static Renderer renderer(int width) {
		return new Renderer(JsonMapper.builder().build(), new RunMode() {

			@Override
			public boolean isInteractive() {
				return false;
			}

			@Override
			public boolean isDebug() {
				return false;
			}

			@Override
			public int terminalWidth() {
				return width;
			}
		});
	}

}
