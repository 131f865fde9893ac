package dev.astroshell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The one place results become text: aligned tables for people, JSON with the API's field names for scripts.
 * <p>
 * Both are terminal-safe without changing what they say. A table cell is {@link TerminalText#oneLine one inert
 * line}, measured as shown. JSON carries every string exactly (a parser gets the server's bytes back) and never
 * holds a raw control: Jackson already writes C0 controls as <code>&#92;u001B</code>; DEL, the C1 controls and the bidi
 * overrides, which JSON allows raw, are written as <code>&#92;uXXXX</code> escapes too. So the shell's {@link InertWriter}
 * leaves JSON byte for byte as written here.
 */
@Component
public class Renderer {

	private static final String GAP = "  ";

	private static final String ELLIPSIS = "…";

	/**
	 * The widest a column grows, also where no terminal limits it: a wider cell is cut with an ellipsis (the last
	 * column's are written whole), so that one huge value cannot pad every row to its width (a 100 KB name made
	 * megabytes of a piped list). Far wider than any name or description the API takes (256 and 500 characters).
	 */
	static final int MAX_COLUMN_WIDTH = 1000;

	/** A column is never shrunk below this, so that what is left still says something. */
	private static final int MIN_SHRUNK_WIDTH = 8;

	private final RunMode mode;

	private final ObjectWriter json;

	private final ObjectWriter jsonLine;

	public Renderer(JsonMapper json, RunMode mode) {
		this.mode = mode;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writer()
			.with(new TerminalSafeEscapes());
		this.jsonLine = json.writer().without(SerializationFeature.INDENT_OUTPUT).with(new TerminalSafeEscapes());
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

	/** JSON on one line, as terminal-safe as {@link #json}: a request body in a preview. */
	public String jsonLine(Object value) {
		return jsonLine.writeValueAsString(value);
	}

	/**
	 * An aligned table. Shown on a terminal ({@link RunMode#terminalWidth()}), it fits the terminal's width: the
	 * {@link Column#shrinking()} columns are shortened first, then lines are cut; anywhere else only a cell wider
	 * than {@link #MAX_COLUMN_WIDTH} is cut.
	 */
	public <T> String table(List<T> rows, List<Column<T>> columns) {
		List<String[]> cells = new ArrayList<>();
		cells.add(headers(columns));
		for (T row : rows) {
			cells.add(cells(row, columns));
		}
		return String.join("\n", align(cells, mode.terminalWidth(), shrinking(columns)));
	}

	private static <T> Set<Integer> shrinking(List<Column<T>> columns) {
		return IntStream.range(0, columns.size()).filter(i -> columns.get(i).shrinks()).boxed().collect(Collectors.toSet());
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
		List<String[]> shown = cells.stream()
			.map(line -> Arrays.stream(line).map(Renderer::cell).toArray(String[]::new))
			.toList();
		int[] widths = widths(shown);
		shrink(widths, width, shrinking);
		List<String[]> shortened = shown.stream().map(line -> {
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

	/** {@code text} if it fits {@code width} terminal columns, else its start and an ellipsis in that width. */
	public static String cut(String text, int width) {
		return width < 1 ? "" : TerminalText.fit(text, width);
	}

	/**
	 * Lines of cells padded into columns. Each cell is made one inert line first and measured as the terminal shows
	 * it (wide CJK characters count two), so that no cell can break or shift the columns.
	 */
	public static List<String> align(List<String[]> rawCells) {
		List<String[]> cells = rawCells.stream()
			.map(line -> Arrays.stream(line).map(Renderer::cell).toArray(String[]::new))
			.toList();
		int[] widths = widths(cells);
		return cells.stream().map(line -> line(line, widths)).toList();
	}

	/** Each column's width: its widest cell's, at most {@link #MAX_COLUMN_WIDTH}. */
	private static int[] widths(List<String[]> cells) {
		int[] widths = new int[cells.stream().mapToInt(c -> c.length).max().orElse(0)];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.min(MAX_COLUMN_WIDTH, Math.max(widths[i], width(line[i])));
			}
		}
		return widths;
	}

	/** One line of cells already inert: each but the last padded to its column, or cut to it with an ellipsis. */
	private static String line(String[] cells, int[] widths) {
		StringBuilder l = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i < cells.length - 1) {
				String fitted = TerminalText.fit(cells[i], widths[i]);
				l.append(fitted).append(" ".repeat(widths[i] - width(fitted))).append(GAP);
			}
			else {
				l.append(cells[i]);
			}
		}
		return l.toString().stripTrailing();
	}

	private static <T> String[] headers(List<Column<T>> columns) {
		return columns.stream().map(Column::header).toArray(String[]::new);
	}

	private static <T> String[] cells(T row, List<Column<T>> columns) {
		return columns.stream().map(c -> c.value().apply(row)).toArray(String[]::new);
	}

	// ---- streamed: written page by page as a list arrives

	/** Where the pages of a list are written as they arrive; {@link #end()} after the last one. */
	public interface ListWriter<T> {

		void page(List<T> items);

		void end();
	}

	/**
	 * A list written as its pages arrive, without keeping it: JSON as one array, element by element, byte for byte as
	 * {@link #json} writes the whole list; a table whose column widths are the first page's (with the header), later
	 * cells wider than their column cut to it with an ellipsis (the last column is never cut). Each page is flushed.
	 * When the list fails midway, {@link ListWriter#end()} is not called: JSON stays an unclosed array, which no
	 * parser takes for the whole list.
	 */
	public <T> ListWriter<T> stream(OutputFormat format, Writer out, List<Column<T>> columns) {
		return format == OutputFormat.JSON ? new JsonArrayWriter<>(out) : new TableWriter<>(out, columns);
	}

	private final class JsonArrayWriter<T> implements ListWriter<T> {

		private final Writer out;

		private final SequenceWriter array;

		JsonArrayWriter(Writer out) {
			this.out = out;
			this.array = json.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
				.without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
				.writeValuesAsArray(out);
		}

		@Override
		public void page(List<T> items) {
			array.writeAll(items).flush();
		}

		@Override
		public void end() {
			array.close();
			write(out, System.lineSeparator());
		}
	}

	private final class TableWriter<T> implements ListWriter<T> {

		private final Writer out;

		private final List<Column<T>> columns;

		private int[] widths;

		TableWriter(Writer out, List<Column<T>> columns) {
			this.out = out;
			this.columns = columns;
		}

		@Override
		public void page(List<T> items) {
			List<String[]> rows = items.stream()
				.map(row -> Arrays.stream(cells(row, columns)).map(Renderer::cell).toArray(String[]::new))
				.toList();
			StringBuilder text = new StringBuilder();
			if (widths == null) {
				String[] header = headers(columns);
				List<String[]> first = new ArrayList<>(rows);
				first.add(header);
				widths = widths(first);
				if (mode.terminalWidth() > 0) {
					shrink(widths, mode.terminalWidth(), shrinking(columns));
				}
				text.append(fitted(line(header, widths))).append(System.lineSeparator());
			}
			rows.forEach(row -> text.append(fitted(line(row, widths))).append(System.lineSeparator()));
			write(out, text.toString());
		}

		@Override
		public void end() {
			if (widths == null) {
				page(List.of());
			}
		}

		/** A line never wraps on a terminal: cut to its width (no limit for a pipe or a file). */
		private String fitted(String line) {
			return mode.terminalWidth() > 0 ? cut(line, mode.terminalWidth()) : line;
		}
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String cell(String value) {
		return value == null ? "" : TerminalText.oneLine(value);
	}

	private static int width(String s) {
		return TerminalText.width(s);
	}

	/** Standard JSON escapes plus <code>&#92;uXXXX</code> escapes for what a terminal would obey: DEL, C1, bidi controls. */
	private static final class TerminalSafeEscapes extends CharacterEscapes {

		private static final int[] ASCII = standardAsciiEscapesForJSON();

		static {
			ASCII[0x7f] = ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return ASCII;
		}

		@Override
		public SerializableString getEscapeSequence(int c) {
			return TerminalText.isControl(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
		}
	}
}
