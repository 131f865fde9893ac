package dev.astroshell.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Help texts built from the commands' annotations (4.0.1's help lists commands in random order, omits
 * {@code @Argument}s and prints a wrong SYNOPSIS). A command's {@code help} attribute holds its examples, one a line.
 */
@Component
public class HelpRenderer {

	static final String BUILT_IN_GROUP = "Built-In Commands";

	private static final String INDENT = "  ";

	private final CommandCatalog catalog;

	public HelpRenderer(CommandCatalog catalog) {
		this.catalog = catalog;
	}

	/** Every command with its description, by group (alphabetical, built-in commands last), then by name. */
	public String index() {
		Map<String, List<Command>> groups = new TreeMap<>(Comparator
			.comparing((String g) -> g.equals(BUILT_IN_GROUP))
			.thenComparing(Comparator.naturalOrder()));
		catalog.commands().forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new ArrayList<>()).add(c));
		StringBuilder out = new StringBuilder("AVAILABLE COMMANDS\n");
		groups.forEach((group, commands) -> {
			out.append('\n').append(group).append('\n');
			appendCommandList(out, commands);
		});
		out.append("\nRun 'help <command>' or '<command> --help' for a command's options, arguments and examples.\n");
		return out.toString();
	}

	/** The commands under a group prefix such as {@code deployment token}. */
	public String group(String prefix) {
		StringBuilder out = new StringBuilder("Commands under '" + prefix + "':\n");
		appendCommandList(out, catalog.commandsUnder(prefix));
		out.append("\nRun 'help <command>' for details.\n");
		return out.toString();
	}

	/** NAME, SYNOPSIS, ARGUMENTS, OPTIONS, ALIASES and EXAMPLES of one command. */
	public String command(Command command) {
		List<ArgumentDoc> arguments = arguments(command);
		List<CommandOption> options = command.getOptions()
			.stream()
			.sorted(Comparator.comparing(CommandOption::longName, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		StringBuilder out = new StringBuilder();
		out.append("NAME\n").append(INDENT).append(command.getName());
		if (StringUtils.hasText(command.getDescription()) && !command.getDescription().equals("N/A")) {
			out.append(" - ").append(command.getDescription());
		}
		out.append("\n\nSYNOPSIS\n").append(INDENT).append(synopsis(command, arguments, options)).append('\n');
		if (!arguments.isEmpty()) {
			out.append("\nARGUMENTS\n");
			appendTable(out, arguments.stream().map(a -> new String[] { a.label(), a.details() }).toList());
		}
		List<String[]> optionRows = new ArrayList<>(options.stream().map(o -> new String[] { optionLabel(o), optionDetails(o) }).toList());
		optionRows.add(new String[] { "--help, -h", "Show this help" });
		out.append("\nOPTIONS\n");
		appendTable(out, optionRows);
		Map<String, List<String>> aliases = catalog.wordAliases(command);
		if (!aliases.isEmpty()) {
			out.append("\nALIASES\n").append(INDENT);
			out.append(aliases.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
				.collect(Collectors.joining("; ")));
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

	private static String synopsis(Command command, List<ArgumentDoc> arguments, List<CommandOption> options) {
		List<String> parts = new ArrayList<>();
		parts.add(command.getName());
		arguments.forEach(a -> parts.add("[" + a.label() + "]"));
		for (CommandOption option : options) {
			String usage = "--" + option.longName() + (CommandLineParser.isBoolean(option) ? "" : " " + typeHint(option));
			parts.add(Boolean.TRUE.equals(option.required()) ? usage : "[" + usage + "]");
		}
		return String.join(" ", parts);
	}

	private static String optionLabel(CommandOption option) {
		String label = "--" + option.longName() + (option.shortName() != ' ' ? ", -" + option.shortName() : "");
		return CommandLineParser.isBoolean(option) ? label : label + " " + typeHint(option);
	}

	private static String optionDetails(CommandOption option) {
		StringBuilder details = new StringBuilder(nullToEmpty(option.description()));
		if (Boolean.TRUE.equals(option.required())) {
			details.append(" (required)");
		}
		else if (StringUtils.hasText(option.defaultValue())) {
			details.append(" (default: ").append(option.defaultValue()).append(')');
		}
		return details.toString().strip();
	}

	private static String typeHint(CommandOption option) {
		Class<?> type = option.type();
		if (type.isEnum()) {
			return "<" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|")) + ">";
		}
		// the option's own name says what goes there (<name>, <role>); a Java type name (<String>) says nothing
		return "<" + option.longName() + ">";
	}

	/** A positional argument, from the command method's {@code @Argument}/{@code @Arguments} parameters. */
	private record ArgumentDoc(String label, String details) {
	}

	private List<ArgumentDoc> arguments(Command command) {
		Method method = catalog.method(command).orElse(null);
		if (method == null) {
			return List.of();
		}
		List<ArgumentDoc> docs = new ArrayList<>();
		Arrays.stream(method.getParameters())
			.filter(p -> p.isAnnotationPresent(Argument.class))
			.sorted(Comparator.comparingInt(p -> p.getAnnotation(Argument.class).index()))
			.forEach(p -> {
				Argument argument = p.getAnnotation(Argument.class);
				String details = argument.description()
						+ (argument.defaultValue().isEmpty() ? "" : " (default: " + argument.defaultValue() + ")");
				docs.add(new ArgumentDoc(placeholder(p), details.strip()));
			});
		Arrays.stream(method.getParameters())
			.filter(p -> p.isAnnotationPresent(Arguments.class))
			.forEach(p -> docs.add(new ArgumentDoc(placeholder(p) + "...", "")));
		return docs;
	}

	/** {@code tokenId} → {@code TOKEN_ID}. */
	private static String placeholder(Parameter parameter) {
		return parameter.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
	}

	private static void appendCommandList(StringBuilder out, List<Command> commands) {
		appendTable(out, commands.stream().map(c -> new String[] { nameWithShellAliases(c), description(c) }).toList());
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

	private static void appendTable(StringBuilder out, List<String[]> rows) {
		int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
		for (String[] row : rows) {
			out.append(INDENT).append(row[0]);
			if (!row[1].isEmpty()) {
				out.append(" ".repeat(width - row[0].length() + 3)).append(row[1]);
			}
			out.append('\n');
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
