package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;
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

	private final ObjectWriter json;

	public Renderer(JsonMapper json) {
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writer()
			.with(new TerminalSafeEscapes());
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
			cells.add(columns.stream().map(c -> c.value().apply(row)).toArray(String[]::new));
		}
		return String.join("\n", align(cells));
	}

	/**
	 * Lines of cells padded into columns. Each cell is made one inert line first and measured as the terminal shows
	 * it (wide CJK characters count two), so that no cell can break or shift the columns.
	 */
	public static List<String> align(List<String[]> rawCells) {
		List<String[]> cells = rawCells.stream()
			.map(line -> Arrays.stream(line).map(Renderer::cell).toArray(String[]::new))
			.toList();
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
