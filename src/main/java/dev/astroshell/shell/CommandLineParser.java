package dev.astroshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Completer;
import dev.astroshell.cli.ShellWords;
import dev.astroshell.cli.Suggestions;
import dev.astroshell.shell.CommandModel.OptionSpec;
import dev.astroshell.shell.CommandModel.Resolution;
import dev.astroshell.shell.CommandModel.Spec;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * The one reader of option syntax, on the {@link CommandModel}: whole lines for the executor, and the line being
 * completed for Tab. Replaces 4.0.1's DefaultCommandParser, whose defects the package notes list.
 * <p>
 * Words are split as {@link ShellWords} does. Options: {@code --name v}, {@code --name=v}, {@code -n v},
 * {@code -n=v}; a boolean option is a flag and takes a value only as {@code --force=false}; {@code --} ends the
 * options; {@code --help}/{@code -h} anywhere asks for help.
 * Every option takes one value, so an option given twice, in any mix of its long and short forms, is a usage error:
 * 4.0.1 would silently keep the first, and {@code --role A --role B} must not quietly mean A (docs/commands.md §2.1).
 */
@Component
public class CommandLineParser {

	private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

	private final CommandModel model;

	public CommandLineParser(CommandModel model) {
		this.model = model;
	}

	/**
	 * A line read.
	 * @param resolution the command, or a group prefix (whose commands are listed)
	 * @param input what Spring Shell runs the command with
	 * @param help whether help is asked for, always for a group prefix
	 * @param json whether it writes JSON ({@code -o json}, {@code --json}), which no progress line may touch
	 */
	public record Parsed(Resolution resolution, ParsedInput input, boolean help, boolean json) {
	}

	/**
	 * A line read up to the word being completed, forgiving what {@link #parse} refuses.
	 * @param commandWord whether the word may still be a command word (every word before it is one)
	 * @param option the option whose value the word is ({@code --name <word>}, {@code --name=<word>}), or null
	 * @param prefix what precedes the value in the word ({@code --name=}), to put back before each proposal
	 * @param completer who proposes values for the word, or null
	 * @param given the options given elsewhere on the line
	 */
	public record Partial(Resolution resolution, boolean commandWord, OptionSpec option, String prefix,
			Completer completer, Completer.Request request, Set<OptionSpec> given) {
	}

	public Parsed parse(String line) {
		return parse(ShellWords.split(line));
	}

	/** Parses words as a shell has already split them (the process arguments). */
	public Parsed parse(List<String> words) {
		if (words.isEmpty()) {
			throw CliException.usage("no command given; try 'help'");
		}
		Resolution resolution = model.resolve(words);
		if (resolution.names().isEmpty()) {
			throw unknownCommand(words.get(0), words);
		}
		ParsedInput.Builder builder = ParsedInput.builder().commandName(resolution.names().get(0));
		resolution.names().stream().skip(1).forEach(builder::addSubCommand);
		List<String> rest = words.subList(resolution.names().size(), words.size());
		Spec command = resolution.command();
		if (command == null) {
			rest.stream().filter(w -> !w.equals("--help") && !w.equals("-h")).findFirst().ifPresent(w -> {
				throw unknownCommand(resolution.name() + " " + w, words);
			});
			return new Parsed(resolution, builder.build(), true, false);
		}
		Scan scan = scan(command, rest, true);
		scan.values.forEach((option, value) -> builder.addOption(CommandOption.with()
			.longName(option.longName())
			.shortName(option.shortName())
			.type(option.type())
			.value(value)
			.build()));
		for (int i = 0; i < scan.arguments.size(); i++) {
			builder.addArgument(new CommandArgument(i, scan.arguments.get(i)));
		}
		Map<String, String> typed = scan.byName();
		boolean json = Boolean.parseBoolean(typed.get("json"));
		// as typed, before the defaults: -o's default (table) is no contradiction of --json
		OutputFormat.refuseContradiction(typed.get("output"), json);
		return new Parsed(resolution, builder.build(), scan.help, OutputFormat.asksJson(typed.get("output"), json));
	}

	/**
	 * Reads a line for Tab: the words before the word being completed say which option or argument it is; the options
	 * given anywhere else on the line say where to look ({@code --deployment-id}).
	 * @param index the position of the word being completed in {@code words}
	 * @param word that word, up to the cursor
	 */
	public Partial partial(List<String> words, int index, String word) {
		List<String> before = words.subList(0, Math.min(index, words.size()));
		Resolution resolution = model.resolve(before);
		boolean commandWord = resolution.names().size() == before.size();
		Spec command = resolution.command();
		if (command == null) {
			return new Partial(resolution, commandWord, null, "", null, null, Set.of());
		}
		Scan scan = scan(command, before.subList(resolution.names().size(), before.size()), false);
		List<String> others = new ArrayList<>(before.subList(resolution.names().size(), before.size()));
		others.addAll(words.subList(Math.min(index + 1, words.size()), words.size()));
		Scan line = scan(command, others, false);
		int value = inlineValue(word);
		OptionSpec option = value > 0 ? command.option(word.substring(0, value - 1)) : scan.pending;
		String prefix = value > 0 && option != null ? word.substring(0, value) : "";
		Completer completer = option != null ? option.completer()
				: word.startsWith("-") ? null : command.argumentCompleter(scan.arguments.size());
		return new Partial(resolution, commandWord, option, prefix, completer, new Completer.Request(
				word.substring(prefix.length()), line.byName(), List.copyOf(scan.arguments), command.method()),
				line.values.keySet());
	}

	/** What the words after a command name say. */
	private static final class Scan {

		final Map<OptionSpec, String> values = new LinkedHashMap<>();

		final List<String> arguments = new ArrayList<>();

		boolean help;

		/** The option named by the last word, still waiting for its value. */
		OptionSpec pending;

		Map<String, String> byName() {
			Map<String, String> byName = new LinkedHashMap<>();
			values.forEach((option, value) -> byName.put(option.longName(), value));
			return byName;
		}
	}

	/** Reads the words after the command name; {@code strict}: every mistake is a usage error, else skipped. */
	private Scan scan(Spec command, List<String> rest, boolean strict) {
		Scan scan = new Scan();
		boolean positionalOnly = false;
		for (int i = 0; i < rest.size(); i++) {
			String word = rest.get(i);
			if (!positionalOnly && word.equals("--")) {
				positionalOnly = true;
			}
			else if (!positionalOnly && command.isHelp(word)) {
				scan.help = true;
			}
			else if (!positionalOnly && looksLikeOption(word)) {
				int inline = inlineValue(word);
				String name = inline > 0 ? word.substring(0, inline - 1) : word;
				OptionSpec option = command.option(name);
				if (option == null) {
					if (strict) {
						throw CliException.usage("unknown option '" + name + "' for '" + command.name() + "'"
								+ Suggestions.didYouMean(Suggestions.closest(name,
										command.options().stream().map(OptionSpec::display).toList()), ""));
					}
					continue;
				}
				if (strict && scan.values.containsKey(option)) {
					throw CliException.usage("option '" + option.display() + "' given more than once; give it once");
				}
				if (inline < 0 && !option.isFlag() && (i + 1 == rest.size() || looksLikeOption(rest.get(i + 1)))) {
					if (strict) {
						throw CliException.usage("option '" + name + "' requires a value");
					}
					scan.pending = i + 1 == rest.size() ? option : null;
					continue;
				}
				String value = inline > 0 ? word.substring(inline) : option.isFlag() ? "true" : rest.get(++i);
				if (strict) {
					option.check(value);
				}
				scan.values.put(option, value);
			}
			else if (strict && command.maxArguments().filter(max -> scan.arguments.size() >= max).isPresent()) {
				throw unexpectedArgument(command, rest, i);
			}
			else {
				scan.arguments.add(word);
			}
		}
		return scan;
	}

	static boolean looksLikeOption(String word) {
		return word.startsWith("-") && word.length() > 1 && !NUMBER.matcher(word).matches();
	}

	/**
	 * Where the value starts in an inline {@code --name=value} (or {@code -n=value}) word, or -1 when it is not one
	 * (the name has no quotes or spaces).
	 */
	static int inlineValue(CharSequence word) {
		String text = word.toString();
		int eq = text.indexOf('=');
		boolean named = eq > 1 && looksLikeOption(text)
				&& text.substring(0, eq).chars().noneMatch(c -> c == '"' || c == '\'' || Character.isWhitespace(c));
		return named ? eq + 1 : -1;
	}

	/**
	 * The error for a word no positional argument takes. When it follows a text option's value, as in
	 * {@code --name Ci Deploy Token}, the user meant one value with spaces: say so, with the value that was read.
	 */
	private static CliException unexpectedArgument(Spec command, List<String> rest, int index) {
		int optionAt = index - 1;
		while (optionAt >= 0 && !looksLikeOption(rest.get(optionAt))) {
			optionAt--;
		}
		String unexpected = rest.get(index);
		String word = optionAt < 0 ? "" : rest.get(optionAt);
		int inline = inlineValue(word);
		OptionSpec option = optionAt < 0 ? null : command.option(inline > 0 ? word.substring(0, inline - 1) : word);
		int valueAt = inline > 0 ? optionAt : optionAt + 1;
		if (option == null || option.type() != String.class || valueAt >= index) {
			return CliException.usage("unexpected argument '" + unexpected + "' for '" + command.name() + "'");
		}
		String read = inline > 0 ? word.substring(inline) : rest.get(valueAt);
		int end = index;
		while (end < rest.size() && !looksLikeOption(rest.get(end))) {
			end++;
		}
		String meant = read + " " + String.join(" ", rest.subList(valueAt + 1, end));
		return CliException.usage("unexpected argument '" + unexpected + "': --" + option.longName() + " read '" + read
				+ "'; a value with spaces needs quotes: --" + option.longName() + " \"" + meant + "\"");
	}

	private CliException unknownCommand(String name, List<String> words) {
		return CliException.usage("unknown command '" + name + "'"
				+ Suggestions.didYouMean(model.names().correction(words), "; try 'help'"));
	}

}
