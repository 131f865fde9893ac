package dev.astroshell.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.astroshell.shell.CommandModel.ArgumentSpec;
import dev.astroshell.shell.CommandModel.OptionSpec;
import dev.astroshell.shell.CommandModel.Spec;

import org.jline.terminal.Terminal;

import org.springframework.shell.core.command.Command;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Help texts from the {@link CommandModel} (4.0.1's help lists commands in random order, omits {@code @Argument}s
 * and prints a wrong SYNOPSIS). A command's {@code help} attribute holds its examples, one a line.
 */
@Component
public class HelpRenderer {

	static final String BUILT_IN_GROUP = "Built-In Commands";

	private static final String INDENT = "  ";

	private final CommandModel model;

	private final Terminal terminal;

	public HelpRenderer(CommandModel model, Terminal terminal) {
		this.model = model;
		this.terminal = terminal;
	}

	/** Every command with its description, by group (alphabetical, built-in commands last), then by name. */
	public String index() {
		Map<String, List<Spec>> groups = new TreeMap<>(Comparator
			.comparing((String g) -> g.equals(BUILT_IN_GROUP))
			.thenComparing(Comparator.naturalOrder()));
		model.commands().forEach(c -> groups.computeIfAbsent(c.command().getGroup(), g -> new ArrayList<>()).add(c));
		StringBuilder out = new StringBuilder("AVAILABLE COMMANDS\n");
		groups.forEach((group, commands) -> {
			out.append('\n').append(group).append('\n');
			appendCommandList(out, commands);
		});
		out.append('\n')
			.append(wrap("Run 'help <command>' or '<command> --help' for a command's options, arguments and examples.", 0))
			.append('\n');
		return out.toString();
	}

	/** The commands under a group prefix such as {@code deployment token}. */
	public String group(String prefix) {
		StringBuilder out = new StringBuilder("Commands under '" + prefix + "':\n");
		appendCommandList(out, model.commandsUnder(prefix));
		out.append("\nRun 'help <command>' for details.\n");
		return out.toString();
	}

	/** NAME, SYNOPSIS, ARGUMENTS, OPTIONS, ALIASES and EXAMPLES of one command. */
	public String command(Spec spec) {
		Command command = spec.command();
		StringBuilder out = new StringBuilder();
		String name = spec.name() + (StringUtils.hasText(description(command)) ? " - " + command.getDescription() : "");
		out.append("NAME\n").append(INDENT).append(wrap(name, 2 * INDENT.length()));
		List<String> synopsis = new ArrayList<>(List.of(spec.name()));
		spec.arguments().forEach(a -> synopsis.add("[" + label(a) + "]"));
		for (OptionSpec option : spec.options()) {
			String usage = "--" + option.longName() + (option.isFlag() ? "" : " " + typeHint(option));
			synopsis.add(Boolean.TRUE.equals(option.option().required()) ? usage : "[" + usage + "]");
		}
		out.append("\n\nSYNOPSIS\n").append(INDENT).append(wrap(String.join(" ", synopsis), 2 * INDENT.length()))
			.append('\n');
		if (!spec.arguments().isEmpty()) {
			out.append("\nARGUMENTS\n");
			appendTable(out, spec.arguments().stream().map(a -> new String[] { label(a), details(a) }).toList());
		}
		List<String[]> optionRows = new ArrayList<>(
				spec.options().stream().map(o -> new String[] { optionLabel(o), optionDetails(o) }).toList());
		optionRows.add(new String[] { "--help, -h", "Show this help" });
		out.append("\nOPTIONS\n");
		appendTable(out, optionRows);
		Map<String, List<String>> aliases = model.wordAliases(spec);
		if (!aliases.isEmpty()) {
			out.append("\nALIASES\n").append(INDENT);
			out.append(wrap(aliases.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
				.collect(Collectors.joining("; ")), INDENT.length()));
			out.append('\n');
		}
		List<String> examples = command.getHelp() == null ? List.of()
				: command.getHelp().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (!examples.isEmpty()) {
			out.append("\nEXAMPLES\n");
			examples.forEach(e -> out.append(INDENT).append(e).append('\n'));
		}
		return out.toString();
	}

	private static String label(ArgumentSpec argument) {
		return argument.variadic() ? argument.label() + "..." : argument.label();
	}

	private static String details(ArgumentSpec argument) {
		String defaultValue = argument.defaultValue().isEmpty() ? "" : " (default: " + argument.defaultValue() + ")";
		return (argument.description() + defaultValue).strip();
	}

	private static String optionLabel(OptionSpec option) {
		String label = String.join(", ", option.names());
		return option.isFlag() ? label : label + " " + typeHint(option);
	}

	private static String optionDetails(OptionSpec option) {
		StringBuilder details = new StringBuilder(nullToEmpty(option.option().description()));
		if (Boolean.TRUE.equals(option.option().required())) {
			details.append(" (required)");
		}
		else if (StringUtils.hasText(option.option().defaultValue())) {
			details.append(" (default: ").append(option.option().defaultValue()).append(')');
		}
		return details.toString().strip();
	}

	private static String typeHint(OptionSpec option) {
		Class<?> type = option.option().type();
		if (type.isEnum()) {
			return "<" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|")) + ">";
		}
		// the option's own name says what goes there (<name>, <role>); a Java type name (<String>) says nothing
		return "<" + option.longName() + ">";
	}

	private void appendCommandList(StringBuilder out, List<Spec> commands) {
		appendTable(out, commands.stream()
			.map(c -> new String[] { nameWithShellAliases(c.command()), description(c.command()) })
			.toList());
	}

	/** One-word commands show their aliases beside the name ({@code quit, exit}); longer ones in their help. */
	private static String nameWithShellAliases(Command command) {
		if (command.getName().contains(" ") || command.getAliases().isEmpty()) {
			return command.getName();
		}
		return command.getName() + ", " + String.join(", ", command.getAliases());
	}

	private static String description(Command command) {
		return "N/A".equals(command.getDescription()) ? "" : nullToEmpty(command.getDescription());
	}

	private void appendTable(StringBuilder out, List<String[]> rows) {
		int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
		for (String[] row : rows) {
			out.append(INDENT).append(row[0]);
			if (!row[1].isEmpty()) {
				out.append(" ".repeat(width - row[0].length() + 3)).append(wrap(row[1], INDENT.length() + width + 3));
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
		int room = terminal.getWidth() > 0 ? Math.max(terminal.getWidth() - 1 - indent, 20) : Integer.MAX_VALUE;
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

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
