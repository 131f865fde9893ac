package dev.astroshell.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import dev.astroshell.cli.CliException;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Replaces 4.0.1's DefaultCommandParser, which looks up boolean flags only on the root word (so {@code --force}
 * fails on multi-word commands), lets a flag swallow the next word, silently ignores unknown options, only
 * recognises {@code --help} after a one-word command and knows no word aliases.
 * <p>
 * Words are split like a POSIX shell: {@code "…"} (with {@code \"} and {@code \\}), {@code '…'} and {@code \x}.
 * Options: {@code --name v}, {@code --name=v}, {@code -n v}, {@code -n=v}; a boolean option is a flag and takes a
 * value only as {@code --force=false}; {@code --} ends the options; {@code --help}/{@code -h} anywhere asks for help.
 * Every option takes one value, so an option given twice, in any mix of its long and short forms, is a usage error:
 * 4.0.1 would silently keep the first, and {@code --role A --role B} must not quietly mean A (docs/commands.md §2.1).
 */
@Component
public class CommandLineParser implements CommandParser {

	private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

	private static final CommandOption HELP = CommandOption.with()
		.longName("help")
		.shortName('h')
		.value("true")
		.type(boolean.class)
		.build();

	private final CommandCatalog catalog;

	public CommandLineParser(CommandCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public ParsedInput parse(String input) {
		return parse(split(input));
	}

	/** Parses words as a shell has already split them (the process arguments). */
	public ParsedInput parse(List<String> words) {
		if (words.isEmpty()) {
			throw CliException.usage("no command given; try 'help'");
		}
		CommandCatalog.Resolution resolution = catalog.resolve(words);
		if (resolution.isUnknown()) {
			throw unknownCommand(words.get(0), words);
		}
		ParsedInput.Builder builder = ParsedInput.builder().commandName(resolution.names().get(0));
		resolution.names().stream().skip(1).forEach(builder::addSubCommand);
		List<String> rest = words.subList(resolution.names().size(), words.size());
		Command command = resolution.command();
		if (command == null) {
			parseGroupRest(resolution.name(), words, rest, builder);
		}
		else {
			parseOptionsAndArguments(command, rest, builder);
		}
		return builder.build();
	}

	/** True when the parsed input asks for help ({@code --help} or {@code -h}). */
	public static boolean isHelp(ParsedInput input) {
		return input.options().contains(HELP);
	}

	private void parseGroupRest(String group, List<String> words, List<String> rest, ParsedInput.Builder builder) {
		for (String word : rest) {
			if (isHelpWord(word, null)) {
				builder.addOption(HELP);
			}
			else {
				throw unknownCommand(group + " " + word, words);
			}
		}
	}

	private void parseOptionsAndArguments(Command command, List<String> rest, ParsedInput.Builder builder) {
		OptionalInt maxArguments = maxArguments(command);
		boolean positionalOnly = false;
		int argumentIndex = 0;
		Set<CommandOption> given = new HashSet<>();
		for (int i = 0; i < rest.size(); i++) {
			String word = rest.get(i);
			if (!positionalOnly && word.equals("--")) {
				positionalOnly = true;
			}
			else if (!positionalOnly && isHelpWord(word, command)) {
				builder.addOption(HELP);
			}
			else if (!positionalOnly && looksLikeOption(word)) {
				int eq = word.indexOf('=');
				String name = eq > 0 ? word.substring(0, eq) : word;
				CommandOption declared = findOption(command, name);
				if (declared == null) {
					throw CliException.usage("unknown option '" + name + "' for '" + command.getName() + "'"
							+ Suggestions.didYouMean(Suggestions.option(command, name), ""));
				}
				if (!given.add(declared)) {
					throw CliException.usage("option '" + display(declared) + "' given more than once; give it once");
				}
				String value;
				if (eq > 0) {
					value = word.substring(eq + 1);
				}
				else if (isBoolean(declared)) {
					value = "true";
				}
				else if (i + 1 < rest.size() && !looksLikeOption(rest.get(i + 1))) {
					value = rest.get(++i);
				}
				else {
					throw CliException.usage("option '" + name + "' requires a value");
				}
				OptionValues.checkType(declared, value);
				builder.addOption(withValue(declared, value));
			}
			else {
				if (maxArguments.isPresent() && argumentIndex >= maxArguments.getAsInt()) {
					throw OptionValues.unexpectedArgument(command, rest, i);
				}
				builder.addArgument(new CommandArgument(argumentIndex++, word));
			}
		}
	}

	/** How many positional arguments the command's method declares; empty when it takes any number. */
	private OptionalInt maxArguments(Command command) {
		Method method = catalog.method(command).orElse(null);
		if (method == null) {
			return OptionalInt.empty();
		}
		int max = 0;
		for (Parameter parameter : method.getParameters()) {
			if (parameter.isAnnotationPresent(Arguments.class)) {
				return OptionalInt.empty();
			}
			Argument argument = parameter.getAnnotation(Argument.class);
			if (argument != null) {
				max = Math.max(max, argument.index() + 1);
			}
		}
		return OptionalInt.of(max);
	}

	static CommandOption findOption(Command command, String word) {
		return command.getOptions().stream().filter(o -> o.isOptionEqual(word)).findFirst().orElse(null);
	}

	static boolean isBoolean(CommandOption option) {
		return option.type() == boolean.class || option.type() == Boolean.class;
	}

	static boolean looksLikeOption(String word) {
		return word.startsWith("-") && word.length() > 1 && !NUMBER.matcher(word).matches();
	}

	private static boolean isHelpWord(String word, Command command) {
		boolean declaresShortH = command != null && command.getOptions().stream().anyMatch(o -> o.shortName() == 'h');
		return word.equals("--help") || (word.equals("-h") && !declaresShortH);
	}

	private static String display(CommandOption option) {
		return StringUtils.hasLength(option.longName()) ? "--" + option.longName() : "-" + option.shortName();
	}

	private static CommandOption withValue(CommandOption declared, String value) {
		return CommandOption.with()
			.longName(declared.longName())
			.shortName(declared.shortName())
			.type(declared.type())
			.value(value)
			.build();
	}

	private CliException unknownCommand(String name, List<String> words) {
		return CliException.usage("unknown command '" + name + "'"
				+ Suggestions.didYouMean(Suggestions.command(catalog, words), "; try 'help'"));
	}

	/**
	 * Splits a line into words like a POSIX shell: whitespace separates words outside quotes; {@code "…"} keeps
	 * everything but unescapes {@code \"} and {@code \\}; {@code '…'} keeps everything; {@code \x} outside quotes is
	 * {@code x}. Quotes may appear inside a word ({@code --name="a b"}) and an empty quoted word is kept.
	 */
	public static List<String> split(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				inWord = true;
				if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '\\' && i + 1 < line.length()) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
		}
		if (quote != 0) {
			throw CliException.usage("missing closing quote (" + quote + ")");
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
