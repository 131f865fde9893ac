package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The help texts: the list of commands by group, and one command's NAME, SYNOPSIS, ARGUMENTS, OPTIONS, ALIASES and
 * EXAMPLES, wrapped at words to the terminal's width with continuation lines indented.
 */
public final class HelpText {

	public static final String BUILT_IN_GROUP = "Built-In Commands";

	private static final String INDENT = "  ";

	/** A command as help shows it. */
	public interface Topic {

		String name();

		String group();

		/** Empty when it has none. */
		String description();

		List<String> aliases();

		/** Its examples, one a line. */
		String examples();

		List<? extends Argument> arguments();

		List<? extends Flag> options();
	}

	/** A positional argument: {@code TOKEN_ID}, or {@code WORDS...} when {@code variadic}. */
	public interface Argument {

		String label();

		String description();

		String defaultValue();

		boolean variadic();
	}

	/** An option: {@code --name, -t <name>}. */
	public interface Flag {

		List<String> names();

		String longName();

		boolean isFlag();

		boolean required();

		String defaultValue();

		String description();

		Class<?> type();
	}

	/** The terminal's columns; 0: no wrapping (not a terminal). */
	private final int width;

	public HelpText(int width) {
		this.width = width;
	}

	/** Every command with its description, by group (alphabetical, built-in commands last), then by name. */
	public String index(List<? extends Topic> commands) {
		Map<String, List<Topic>> groups = new TreeMap<>(Comparator
			.comparing((String g) -> g.equals(BUILT_IN_GROUP))
			.thenComparing(Comparator.naturalOrder()));
		commands.forEach(c -> groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
		StringBuilder out = new StringBuilder("AVAILABLE COMMANDS\n");
		groups.forEach((group, members) -> appendCommandList(out.append('\n').append(group).append('\n'), members));
		return out.append('\n')
			.append(wrap("Run 'help <command>' or '<command> --help' for a command's options, arguments and examples.", 0))
			.append('\n')
			.toString();
	}

	/** The commands under a group prefix such as {@code deployment token}, of all {@code commands}. */
	public String group(String prefix, List<? extends Topic> commands) {
		StringBuilder out = new StringBuilder("Commands under '" + prefix + "':\n");
		appendCommandList(out, commands.stream().filter(c -> c.name().startsWith(prefix + " ")).toList());
		return out.append("\nRun 'help <command>' for details.\n").toString();
	}

	/** One command's help; {@code wordAliases}: the aliases of each word of its name. */
	public String command(Topic command, Map<String, List<String>> wordAliases) {
		StringBuilder out = new StringBuilder();
		String name = command.name() + (command.description().isBlank() ? "" : " - " + command.description());
		out.append("NAME\n").append(INDENT).append(wrap(name, 2 * INDENT.length()));
		List<String> synopsis = new ArrayList<>(List.of(command.name()));
		command.arguments().forEach(a -> synopsis.add("[" + label(a) + "]"));
		for (Flag option : command.options()) {
			String usage = "--" + option.longName() + (option.isFlag() ? "" : " " + typeHint(option));
			synopsis.add(option.required() ? usage : "[" + usage + "]");
		}
		out.append("\n\nSYNOPSIS\n").append(INDENT).append(wrap(String.join(" ", synopsis), 2 * INDENT.length()))
			.append('\n');
		if (!command.arguments().isEmpty()) {
			out.append("\nARGUMENTS\n");
			appendTable(out, command.arguments().stream().map(a -> new String[] { label(a), details(a) }).toList());
		}
		List<String[]> optionRows = new ArrayList<>(
				command.options().stream().map(o -> new String[] { optionLabel(o), optionDetails(o) }).toList());
		optionRows.add(new String[] { "--help, -h", "Show this help" });
		appendTable(out.append("\nOPTIONS\n"), optionRows);
		if (!wordAliases.isEmpty()) {
			out.append("\nALIASES\n").append(INDENT).append(wrap(wordAliases.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
				.collect(Collectors.joining("; ")), INDENT.length())).append('\n');
		}
		List<String> examples = command.examples().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (!examples.isEmpty()) {
			out.append("\nEXAMPLES\n");
			examples.forEach(e -> out.append(INDENT).append(e).append('\n'));
		}
		return out.toString();
	}

	private static String label(Argument argument) {
		return argument.variadic() ? argument.label() + "..." : argument.label();
	}

	private static String details(Argument argument) {
		String defaultValue = argument.defaultValue().isEmpty() ? "" : " (default: " + argument.defaultValue() + ")";
		return (argument.description() + defaultValue).strip();
	}

	private static String optionLabel(Flag option) {
		String label = String.join(", ", option.names());
		return option.isFlag() ? label : label + " " + typeHint(option);
	}

	private static String optionDetails(Flag option) {
		String more = option.required() ? " (required)"
				: option.defaultValue().isBlank() ? "" : " (default: " + option.defaultValue() + ")";
		return (option.description() + more).strip();
	}

	private static String typeHint(Flag option) {
		Class<?> type = option.type();
		if (type.isEnum()) {
			return "<" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|")) + ">";
		}
		// the option's own name says what goes there (<name>, <role>); a Java type name (<String>) says nothing
		return "<" + option.longName() + ">";
	}

	/** One-word commands show their aliases beside the name ({@code quit, exit}); longer ones in their help. */
	private void appendCommandList(StringBuilder out, List<? extends Topic> commands) {
		appendTable(out, commands.stream()
			.map(c -> new String[] { c.name().contains(" ") || c.aliases().isEmpty() ? c.name()
					: c.name() + ", " + String.join(", ", c.aliases()), c.description() })
			.toList());
	}

	private void appendTable(StringBuilder out, List<String[]> rows) {
		int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
		for (String[] row : rows) {
			out.append(INDENT).append(row[0]);
			if (!row[1].isEmpty()) {
				out.append(" ".repeat(first - row[0].length() + 3)).append(wrap(row[1], INDENT.length() + first + 3));
			}
			out.append('\n');
		}
	}

	/**
	 * {@code text}, starting at column {@code indent}, broken at spaces before the terminal's last column (the
	 * terminal would break it mid-word); continuation lines start at {@code indent}. A word longer than the room left
	 * stays whole.
	 */
	private String wrap(String text, int indent) {
		int room = width > 0 ? Math.max(width - 1 - indent, 20) : Integer.MAX_VALUE;
		StringBuilder out = new StringBuilder();
		int column = 0;
		for (String word : text.split(" ")) {
			if (column > 0 && column + 1 + word.length() > room) {
				out.append('\n').append(" ".repeat(indent));
				column = 0;
			}
			else if (column > 0) {
				out.append(' ');
				column++;
			}
			out.append(word);
			column += word.length();
		}
		return out.toString();
	}

}
