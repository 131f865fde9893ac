package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The one place results become text: aligned tables for people, JSON with the API's field names for scripts. */
@Component
public class Renderer {

	private static final String GAP = "  ";

	private static final String ELLIPSIS = "…";

	/** A column is never shrunk below this, so that what is left still says something. */
	private static final int MIN_SHRUNK_WIDTH = 8;

	private final RunMode mode;

	private final JsonMapper json;

	public Renderer(JsonMapper json, RunMode mode) {
		this.mode = mode;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/**
	 * A column of a table: its header, how a row shows in it, and whether it may be shortened to fit the terminal
	 * (a description: yes; a name or an ID, which tell rows apart: no).
	 */
	public record Column<T>(String header, Function<T, String> value, boolean shrinks) {

		public Column(String header, Function<T, String> value) {
			this(header, value, false);
		}

		/** This column, shortened first when the table is wider than the terminal. */
		public Column<T> shrinking() {
			return new Column<>(header, value, true);
		}
	}

	public <T> String render(OutputFormat format, Object jsonValue, List<T> rows, List<Column<T>> columns) {
		return format == OutputFormat.JSON ? json(jsonValue) : table(rows, columns);
	}

	public String json(Object value) {
		return json.writeValueAsString(value);
	}

	/**
	 * An aligned table. Shown on a terminal ({@link RunMode#terminalWidth()}), it fits the terminal's width: the
	 * {@link Column#shrinking()} columns are shortened first, then lines are cut; anywhere else it is never cut.
	 */
	public <T> String table(List<T> rows, List<Column<T>> columns) {
		List<String[]> cells = new ArrayList<>();
		cells.add(columns.stream().map(Column::header).toArray(String[]::new));
		for (T row : rows) {
			cells.add(columns.stream().map(c -> clean(c.value().apply(row))).toArray(String[]::new));
		}
		Set<Integer> shrinking = IntStream.range(0, columns.size())
			.filter(i -> columns.get(i).shrinks())
			.boxed()
			.collect(Collectors.toSet());
		return String.join("\n", align(cells, mode.terminalWidth(), shrinking));
	}

	/**
	 * {@link #align(List) Aligned} lines at most {@code width} wide (0: no limit). When they would be wider, the cells
	 * of the {@code shrinking} columns are cut first (with an ellipsis), then the lines still too wide. A line never
	 * wraps.
	 */
	public static List<String> align(List<String[]> cells, int width, Set<Integer> shrinking) {
		if (width <= 0) {
			return align(cells);
		}
		int[] widths = new int[cells.stream().mapToInt(c -> c.length).max().orElse(0)];
		cells.forEach(line -> IntStream.range(0, line.length)
			.forEach(i -> widths[i] = Math.max(widths[i], width(line[i]))));
		shrink(widths, width, shrinking);
		List<String[]> shortened = cells.stream().map(line -> {
			String[] copy = line.clone();
			shrinking.stream().filter(i -> i < copy.length).forEach(i -> copy[i] = cut(copy[i], widths[i]));
			return copy;
		}).toList();
		return align(shortened).stream().map(line -> cut(line, width)).toList();
	}

	/** Takes the excess of the total width off the shrinking columns, widest first, down to their minimum. */
	private static void shrink(int[] widths, int width, Set<Integer> shrinking) {
		int excess = GAP.length() * Math.max(0, widths.length - 1) - width;
		for (int w : widths) {
			excess += w;
		}
		while (excess > 0) {
			int widest = -1;
			for (int i : shrinking) {
				if (i < widths.length && widths[i] > MIN_SHRUNK_WIDTH && (widest < 0 || widths[i] > widths[widest])) {
					widest = i;
				}
			}
			if (widest < 0) {
				return;
			}
			widths[widest]--;
			excess--;
		}
	}

	/** {@code text} if it fits {@code width} code points, else its start and an ellipsis in that width. */
	public static String cut(String text, int width) {
		if (width(text) <= width) {
			return text;
		}
		return width < 1 ? "" : text.substring(0, text.offsetByCodePoints(0, width - 1)).stripTrailing() + ELLIPSIS;
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
