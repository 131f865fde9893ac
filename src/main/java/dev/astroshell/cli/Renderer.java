package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The one place results become text: aligned tables for people, JSON with the API's field names for scripts. */
@Component
public class Renderer {

	private static final String GAP = "  ";

	private final JsonMapper json;

	public Renderer(JsonMapper json) {
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/** A column of a table: its header and how a row shows in it. */
	public record Column<T>(String header, Function<T, String> value) {
	}

	public <T> String render(OutputFormat format, Object jsonValue, List<T> rows, List<Column<T>> columns) {
		return format == OutputFormat.JSON ? json(jsonValue) : table(rows, columns);
	}

	public String json(Object value) {
		return json.writeValueAsString(value);
	}

	public <T> String table(List<T> rows, List<Column<T>> columns) {
		List<String[]> cells = new ArrayList<>();
		cells.add(columns.stream().map(Column::header).toArray(String[]::new));
		for (T row : rows) {
			cells.add(columns.stream().map(c -> clean(c.value().apply(row))).toArray(String[]::new));
		}
		return String.join("\n", align(cells));
	}

	/** Lines of cells padded into columns (by code points, so non-ASCII names line up). */
	public static List<String> align(List<String[]> cells) {
		int columns = cells.stream().mapToInt(c -> c.length).max().orElse(0);
		int[] widths = new int[columns];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], width(line[i]));
			}
		}
		List<String> lines = new ArrayList<>();
		for (String[] line : cells) {
			StringBuilder l = new StringBuilder();
			for (int i = 0; i < line.length; i++) {
				l.append(line[i]);
				if (i < line.length - 1) {
					l.append(" ".repeat(widths[i] - width(line[i]))).append(GAP);
				}
			}
			lines.add(l.toString().stripTrailing());
		}
		return lines;
	}

	/** Table cells are one line: a description with a newline must not break the columns. */
	private static String clean(String value) {
		return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ");
	}

	private static int width(String s) {
		return s.codePointCount(0, s.length());
	}
}
