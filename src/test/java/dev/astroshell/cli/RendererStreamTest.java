package dev.astroshell.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.cli.Renderer.ListWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A list written page by page as it arrives: the same bytes as the whole list rendered, where that can be. */
class RendererStreamTest {

	static final String NL = System.lineSeparator();

	record Row(String id, String name, List<String> tags) {
	}

	static final List<Column<Row>> COLUMNS = List.of(new Column<>("ID", Row::id), new Column<>("NAME", Row::name),
			new Column<>("TAGS", r -> String.join(",", r.tags())));

	final Renderer renderer = RendererWidthTest.renderer(0);

	@Test
	void jsonIsByteForByteTheWholeListsWhateverThePages() {
		List<Row> rows = List.of(new Row("a", "Équipe \u001b[31m", List.of("x", "y")), new Row("b", null, List.of()),
				new Row("c", "\u202etrap", List.of("z")));
		List<List<List<Row>>> splits = List.of(List.of(List.of()), List.of(rows),
				List.of(rows.subList(0, 1), rows.subList(1, 3)), List.of(rows.subList(0, 2), List.of(), rows.subList(2, 3)));
		for (List<List<Row>> pages : splits) {
			List<Row> all = pages.stream().flatMap(List::stream).toList();
			assertThat(streamed(OutputFormat.JSON, pages)).as(pages.toString()).isEqualTo(renderer.json(all) + NL);
		}
	}

	@Test
	void aOnePageTableIsTheWholeListsTable() {
		List<Row> rows = List.of(new Row("a1", "日本語 name", List.of("x")), new Row("b2", "multi\nline", List.of()));
		assertThat(streamed(OutputFormat.TABLE, List.of(rows))).isEqualTo(renderer.table(rows, COLUMNS) + NL);
		assertThat(streamed(OutputFormat.TABLE, List.of(List.of()))).isEqualTo("ID  NAME  TAGS" + NL);
		assertThat(streamed(OutputFormat.TABLE, List.of())).as("no page at all: the header").isEqualTo("ID  NAME  TAGS" + NL);
	}

	@Test
	void laterPagesKeepTheFirstPagesWidthsCuttingWiderCellsWithAnEllipsis() {
		List<Row> first = List.of(new Row("a1", "short", List.of("x")));
		List<Row> second = List.of(new Row("b2", "much longer name", List.of("a", "very", "long", "last", "column")),
				new Row("c3", "日本語日本語", List.of()), new Row("d4", "fits!", List.of()));

		List<String> lines = streamed(OutputFormat.TABLE, List.of(first, second)).lines().toList();

		assertThat(lines).containsExactly("ID  NAME   TAGS", "a1  short  x", "b2  much…  a,very,long,last,column",
				"c3  日本…", "d4  fits!");
	}

	@Test
	void eachPageIsWrittenBeforeTheNextIsAsked() {
		StringWriter out = new StringWriter();
		List<String> seen = new ArrayList<>();
		for (OutputFormat format : OutputFormat.values()) {
			ListWriter<Row> writer = renderer.stream(format, out, COLUMNS);
			writer.page(List.of(new Row("a1", "first", List.of())));
			seen.add(out.toString());
			writer.page(List.of(new Row("b2", "second", List.of())));
			writer.end();
			assertThat(seen.get(seen.size() - 1)).as(format.name()).contains("first").doesNotContain("second");
			out.getBuffer().setLength(0);
		}
	}

	private String streamed(OutputFormat format, List<List<Row>> pages) {
		StringWriter out = new StringWriter();
		ListWriter<Row> writer = renderer.stream(format, out, COLUMNS);
		pages.forEach(writer::page);
		writer.end();
		return out.toString();
	}
}
