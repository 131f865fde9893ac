package dev.astroshell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
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
	 * A column of a table: its header, how a row shows in it, and how it makes room on a narrow terminal: a shrinking
	 * column (a description) is shortened first; a column that gives way ({@code givesWay} &gt; 0, lowest first) is
	 * hidden once the shrinking ones are as short as they go; a column cut last (an ID) is shortened only once every
	 * column that gives way is hidden. Any other column (a name, a role) stays whole.
	 */
	public record Column<T>(String header, Function<T, String> value, boolean shrinks, int givesWay, boolean cutsLast) {

		public Column(String header, Function<T, String> value) {
			this(header, value, false, 0, false);
		}

		/** This column, shortened first when the table is wider than the terminal. */
		public Column<T> shrinking() {
			return new Column<>(header, value, true, givesWay, cutsLast);
		}

		/** This column, hidden when the table is still too wide: rank 1 first, then 2, and so on. */
		public Column<T> givingWay(int rank) {
			return new Column<>(header, value, shrinks, rank, cutsLast);
		}

		/** This column, cut with an ellipsis only when every column that gives way is hidden. */
		public Column<T> cutLast() {
			return new Column<>(header, value, shrinks, givesWay, true);
		}
	}

	/** Said under a table that hid columns to fit the terminal. */
	static String hiddenNote(int hidden) {
		return "(" + hidden + (hidden == 1 ? " column" : " columns") + " hidden; widen the terminal or use -o json)";
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
	 * An aligned table. Shown on a terminal ({@link RunMode#terminalWidth()}), it fits the terminal's width as its
	 * {@link Column}s say, with a {@link #hiddenNote note} when columns were hidden; anywhere else only a cell wider
	 * than {@link #MAX_COLUMN_WIDTH} is cut.
	 */
	public <T> String table(List<T> rows, List<Column<T>> columns) {
		List<String[]> cells = new ArrayList<>();
		cells.add(inert(headers(columns)));
		for (T row : rows) {
			cells.add(inert(cells(row, columns)));
		}
		Layout layout = Layout.of(widths(cells), mode.terminalWidth(), columns);
		List<String> lines = new ArrayList<>(cells.stream().map(layout::line).map(this::fitted).toList());
		if (layout.hiddenCount() > 0) {
			lines.add(hiddenNote(layout.hiddenCount()));
		}
		return String.join("\n", lines);
	}

	/**
	 * Which columns a table shows and how wide, for a terminal {@code width} wide (0: no limit): the shrinking columns
	 * are shortened, down to their minimum; while that is not enough, the columns that give way are hidden in their
	 * order; then the columns cut last are shortened. What still does not fit is cut at the line's end.
	 */
	private record Layout(int[] widths, boolean[] hidden) {

		static <T> Layout of(int[] natural, int width, List<Column<T>> columns) {
			int[] widths = natural.clone();
			boolean[] hidden = new boolean[widths.length];
			if (width <= 0) {
				return new Layout(widths, hidden);
			}
			Set<Integer> shrinking = indices(columns, Column::shrinks);
			List<Integer> givingWay = IntStream.range(0, columns.size())
				.filter(i -> columns.get(i).givesWay() > 0)
				.boxed()
				.sorted(Comparator.comparingInt(i -> columns.get(i).givesWay()))
				.toList();
			for (int next = 0; next < givingWay.size() && !fitsShrunk(widths, hidden, width, shrinking); next++) {
				hidden[givingWay.get(next)] = true;
			}
			shrink(widths, hidden, width, shrinking);
			for (int cut : indices(columns, Column::cutsLast)) { // in the table's order: the ID before the name
				shrink(widths, hidden, width, Set.of(cut));
			}
			return new Layout(widths, hidden);
		}

		int hiddenCount() {
			int n = 0;
			for (boolean h : hidden) {
				n += h ? 1 : 0;
			}
			return n;
		}

		/** The shown cells of a line, padded into their columns or cut to them. */
		String line(String[] cells) {
			List<String> shown = new ArrayList<>();
			List<Integer> shownWidths = new ArrayList<>();
			for (int i = 0; i < cells.length; i++) {
				if (!hidden[i]) {
					shown.add(cells[i]);
					shownWidths.add(widths[i]);
				}
			}
			return Renderer.line(shown.toArray(String[]::new), shownWidths.stream().mapToInt(Integer::intValue).toArray());
		}

		private static <T> Set<Integer> indices(List<Column<T>> columns, Predicate<Column<T>> which) {
			return IntStream.range(0, columns.size()).filter(i -> which.test(columns.get(i))).boxed()
				.collect(Collectors.toCollection(TreeSet::new));
		}

		/** Whether the shown columns fit once the shrinking ones are as short as they go. */
		private static boolean fitsShrunk(int[] widths, boolean[] hidden, int width, Set<Integer> shrinking) {
			int[] shortest = widths.clone();
			for (int i : shrinking) {
				shortest[i] = Math.min(shortest[i], MIN_SHRUNK_WIDTH);
			}
			return total(shortest, hidden) <= width;
		}
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
		List<String[]> shown = cells.stream().map(Renderer::inert).toList();
		int[] widths = widths(shown);
		shrink(widths, new boolean[widths.length], width, shrinking);
		return shown.stream().map(line -> cut(line(line, widths), width)).toList();
	}

	/** The width of the shown columns with the gaps between them. */
	private static int total(int[] widths, boolean[] hidden) {
		int total = 0;
		int shown = 0;
		for (int i = 0; i < widths.length; i++) {
			if (!hidden[i]) {
				total += widths[i];
				shown++;
			}
		}
		return total + GAP.length() * Math.max(0, shown - 1);
	}

	/** Takes the excess of the total width off the shown {@code which} columns, widest first, down to their minimum. */
	private static void shrink(int[] widths, boolean[] hidden, int width, Set<Integer> which) {
		int excess = total(widths, hidden) - width;
		while (excess > 0) {
			int widest = -1;
			for (int i : which) {
				if (i < widths.length && !hidden[i] && widths[i] > MIN_SHRUNK_WIDTH
						&& (widest < 0 || widths[i] > widths[widest])) {
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
		List<String[]> cells = rawCells.stream().map(Renderer::inert).toList();
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

	private static String[] inert(String[] line) {
		return Arrays.stream(line).map(Renderer::cell).toArray(String[]::new);
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

		private Layout layout;

		TableWriter(Writer out, List<Column<T>> columns) {
			this.out = out;
			this.columns = columns;
		}

		@Override
		public void page(List<T> items) {
			List<String[]> rows = items.stream().map(row -> inert(cells(row, columns))).toList();
			StringBuilder text = new StringBuilder();
			if (layout == null) {
				String[] header = inert(headers(columns));
				List<String[]> first = new ArrayList<>(rows);
				first.add(header);
				layout = Layout.of(widths(first), mode.terminalWidth(), columns);
				text.append(fitted(layout.line(header))).append(System.lineSeparator());
			}
			rows.forEach(row -> text.append(fitted(layout.line(row))).append(System.lineSeparator()));
			write(out, text.toString());
		}

		@Override
		public void end() {
			if (layout == null) {
				page(List.of());
			}
			if (layout.hiddenCount() > 0) {
				write(out, hiddenNote(layout.hiddenCount()) + System.lineSeparator());
			}
		}
	}

	/** A line never wraps on a terminal: cut to its width (no limit for a pipe or a file). */
	private String fitted(String line) {
		return mode.terminalWidth() > 0 ? cut(line, mode.terminalWidth()) : line;
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
