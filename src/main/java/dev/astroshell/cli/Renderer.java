package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The one place results become text: aligned tables for people, JSON with the API's field names for scripts. A
 * table shown on a terminal fits its width: the columns marked {@link Column#shrinking()} are shortened first, then
 * lines are cut; JSON, and tables written anywhere else, are never cut.
 */
@Component
public class Renderer {

	private static final String GAP = "  ";

	private static final String ELLIPSIS = "…";

	/** A column is never shrunk below this, so that what is left still says something. */
	private static final int MIN_SHRUNK_WIDTH = 8;

	private final JsonMapper json;

	private final RunMode mode;

	public Renderer(JsonMapper json, RunMode mode) {
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.mode = mode;
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

	public <T> String table(List<T> rows, List<Column<T>> columns) {
		List<String[]> cells = new ArrayList<>();
		cells.add(columns.stream().map(Column::header).toArray(String[]::new));
		for (T row : rows) {
			cells.add(columns.stream().map(c -> clean(c.value().apply(row))).toArray(String[]::new));
		}
		Set<Integer> shrinking = new HashSet<>();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).shrinks()) {
				shrinking.add(i);
			}
		}
		return String.join("\n", align(cells, mode.terminalWidth(), shrinking));
	}

	/** Lines of cells padded into columns (by code points, so non-ASCII names line up). */
	public static List<String> align(List<String[]> cells) {
		return align(cells, 0, Set.of());
	}

	/**
	 * Lines of cells padded into columns, at most {@code width} wide (0: no limit). When they are wider, the
	 * {@code shrinking} columns are shortened first, their cells cut with an ellipsis; a line still too wide is cut
	 * at its end. A line never wraps.
	 */
	public static List<String> align(List<String[]> cells, int width, Set<Integer> shrinking) {
		int columns = cells.stream().mapToInt(c -> c.length).max().orElse(0);
		int[] widths = new int[columns];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], width(line[i]));
			}
		}
		if (width > 0) {
			shrink(widths, width, shrinking);
		}
		List<String> lines = new ArrayList<>();
		for (String[] line : cells) {
			StringBuilder l = new StringBuilder();
			for (int i = 0; i < line.length; i++) {
				String cell = cut(line[i], widths[i]);
				l.append(cell);
				if (i < line.length - 1) {
					l.append(" ".repeat(widths[i] - width(cell))).append(GAP);
				}
			}
			String text = l.toString().stripTrailing();
			lines.add(width > 0 ? cut(text, width) : text);
		}
		return lines;
	}

	/** Takes the excess of the total width off the shrinking columns, widest first, down to their minimum. */
	private static void shrink(int[] widths, int width, Set<Integer> shrinking) {
		int total = GAP.length() * Math.max(0, widths.length - 1);
		for (int w : widths) {
			total += w;
		}
		int excess = total - width;
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

	/** Table cells are one line: a description with a newline must not break the columns. */
	private static String clean(String value) {
		return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ");
	}

	private static int width(String s) {
		return s.codePointCount(0, s.length());
	}
}
