package dev.astroshell.shell;

import java.util.List;

import dev.astroshell.cli.CliException;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/**
 * Checks of option values made while the parser still knows which option a word belongs to; the framework's own
 * conversion error names only the value and a Java type.
 */
final class OptionValues {

	private OptionValues() {
	}

	/** Fails naming the option when {@code value} cannot be converted to its type. */
	static void checkType(CommandOption option, String value) {
		Class<?> type = option.type();
		String expected = null;
		if (type == Integer.class || type == int.class) {
			expected = parses(() -> Integer.parseInt(value)) ? null : "a whole number";
		}
		else if (type == Long.class || type == long.class) {
			expected = parses(() -> Long.parseLong(value)) ? null : "a whole number";
		}
		else if (type == Double.class || type == double.class) {
			expected = parses(() -> Double.parseDouble(value)) ? null : "a number";
		}
		else if (CommandLineParser.isBoolean(option)) {
			expected = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "true or false";
		}
		if (expected != null) {
			throw CliException.usage(
					"invalid value '" + value + "' for --" + option.longName() + ": expected " + expected);
		}
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	/**
	 * The error for a word no positional argument takes. When it follows a text option's value, as in
	 * {@code --name Ci Deploy Token}, the user meant one value with spaces: say so, with the value that was read.
	 * @param rest the words after the command name
	 * @param index the unexpected word's position in {@code rest}
	 */
	static CliException unexpectedArgument(Command command, List<String> rest, int index) {
		int optionAt = index - 1;
		while (optionAt >= 0 && !CommandLineParser.looksLikeOption(rest.get(optionAt))) {
			optionAt--;
		}
		String unexpected = rest.get(index);
		if (optionAt >= 0) {
			String word = rest.get(optionAt);
			int eq = word.indexOf('=');
			CommandOption option = CommandLineParser.findOption(command, eq > 0 ? word.substring(0, eq) : word);
			int valueAt = eq > 0 ? optionAt : optionAt + 1;
			if (option != null && option.type() == String.class && valueAt < index) {
				String read = eq > 0 ? word.substring(eq + 1) : rest.get(valueAt);
				int end = index;
				while (end < rest.size() && !CommandLineParser.looksLikeOption(rest.get(end))) {
					end++;
				}
				String meant = read + " " + String.join(" ", rest.subList(valueAt + 1, end));
				return CliException.usage("unexpected argument '" + unexpected + "': --" + option.longName()
						+ " read '" + read + "'; a value with spaces needs quotes: --" + option.longName() + " \""
						+ meant + "\"");
			}
		}
		return CliException.usage("unexpected argument '" + unexpected + "' for '" + command.getName() + "'");
	}

}
