package dev.astroshell.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.astroshell.cli.OutputFormat;
import org.jline.reader.impl.LineReaderImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import dev.astroshell.cli.TerminalText;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tab completion. 4.0.1's CommandCompleter joins every non-option word into the command name, so a partly typed
 * positional right after a multi-word command ({@code deployment token update cl<Tab>}) completes nothing; it also
 * knows no word aliases. This one resolves the command like the parser does, completes command names word by word,
 * then asks the command's {@code CompletionProvider} with the right current word and option:
 * <ul>
 * <li>after {@code --name } or {@code --name "Tok}: option {@code name}, current word {@code Tok};</li>
 * <li>in {@code --name=Tok}: option {@code name}, current word {@code Tok} (candidates get the {@code --name=}
 * back);</li>
 * <li>elsewhere: no option (a positional), plus the option names not yet given.</li>
 * </ul>
 * {@code -o}/{@code --output} completes to the output formats for every command. A provider that takes longer than
 * a moment (a slow API) shows {@code fetching…} at the right of the line; Ctrl-C abandons the wait and leaves the
 * line as typed.
 */
@Component
public class ShellCompleter extends CommandCompleter {

	private static final Logger log = LoggerFactory.getLogger(ShellCompleter.class);

	static final String WAITING_HINT = "fetching… (Ctrl-C stops)";

	private static final String OUTPUT_OPTION = "output";

	private final CommandCatalog catalog;

	/** How long a Tab waits before it says that it is waiting; tests set it so that a hint shows always or never. */
	private final Duration hintAfter;

	/** Runs the providers, so that the reader's thread can show the hint and take Ctrl-C while one waits. */
	private final ExecutorService lookups = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "completion");
		thread.setDaemon(true);
		return thread;
	});

	public ShellCompleter(CommandRegistry registry, CommandCatalog catalog,
			@Value("${astro.shell.completion-hint-delay:200ms}") Duration hintAfter) {
		super(registry);
		this.catalog = catalog;
		this.hintAfter = hintAfter;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> words = line.words();
		int index = Math.max(line.wordIndex(), 0);
		List<String> before = words.subList(0, Math.min(index, words.size()));
		CommandCatalog.Resolution resolution = catalog.resolve(before);
		if (resolution.names().size() == before.size()) {
			addNextWords(resolution.name(), candidates);
		}
		Command command = resolution.command();
		if (command == null) {
			return;
		}
		String current = line.word().substring(0, Math.max(line.wordCursor(), 0));
		CommandOption inlineOption = inlineOption(command, current);
		if (inlineOption != null) {
			String prefix = current.substring(0, current.indexOf('=') + 1);
			List<String> valueWords = new ArrayList<>(words);
			valueWords.set(index, words.get(index).substring(prefix.length()));
			proposeWaiting(reader, command, new CompletionContext(valueWords, index,
					line.wordCursor() - prefix.length(), command, inlineOption), prefix, candidates);
			return;
		}
		CommandOption option = valueOf(command, before);
		if (option == null) {
			addOptionNames(command, words, index, candidates);
		}
		if (option != null || !current.startsWith("-")) {
			proposeWaiting(reader, command, new CompletionContext(words, index, line.wordCursor(), command, option),
					"", candidates);
		}
	}

	private void addNextWords(String prefix, List<Candidate> candidates) {
		for (String word : catalog.nextWords(prefix)) {
			String name = prefix.isEmpty() ? word : prefix + " " + word;
			Command command = catalog.command(name);
			String description = command != null ? command.getDescription() : null;
			String group = command != null ? command.getGroup() : "Commands";
			candidates.add(new Candidate(word, word, group, description, null, null, true));
		}
	}

	/** The option whose value the previous word asks for ({@code --name <cursor>}), or null. */
	private static CommandOption valueOf(Command command, List<String> before) {
		if (before.isEmpty()) {
			return null;
		}
		CommandOption option = CommandLineParser.findOption(command, before.get(before.size() - 1));
		return option != null && !CommandLineParser.isBoolean(option) ? option : null;
	}

	/** The option of a {@code --name=value} word, or null. */
	private static CommandOption inlineOption(Command command, String current) {
		int eq = current.indexOf('=');
		return eq > 0 && current.startsWith("-") ? CommandLineParser.findOption(command, current.substring(0, eq))
				: null;
	}

	private static void addOptionNames(Command command, List<String> words, int index, List<Candidate> candidates) {
		for (CommandOption option : command.getOptions()) {
			boolean given = false;
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
				given |= i != index && option.isOptionEqual(name);
			}
			if (given) {
				continue;
			}
			if (StringUtils.hasLength(option.longName())) {
				candidates.add(new Candidate("--" + option.longName(), "--" + option.longName(), "Options",
						option.description(), null, null, true));
			}
			if (option.shortName() != ' ') {
				candidates.add(new Candidate("-" + option.shortName(), "-" + option.shortName(), "Options",
						option.description(), null, null, true));
			}
		}
	}

	/**
	 * The provider's proposals as JLine candidates. Their text comes from the API (token names, descriptions), so
	 * what the menu shows is made one inert line; the value is inserted into the line exactly, where JLine shows a
	 * control as {@code ^[} and the parser gets the real name.
	 */
	private static void propose(Command command, CompletionContext context, String prefix, List<Candidate> candidates) {
		for (CompletionProposal proposal : command.getCompletionProvider().apply(context)) {
			candidates.add(new Candidate(prefix + proposal.value(), TerminalText.oneLine(proposal.displayText()),
					TerminalText.oneLine(proposal.category()), TerminalText.oneLine(proposal.description()), null,
					null, proposal.complete()));
		}
	}

	/** The output formats for {@code -o}, else the provider's proposals, waited for as {@link #waitFor} says. */
	private void proposeWaiting(LineReader reader, Command command, CompletionContext context, String prefix,
			List<Candidate> candidates) {
		CommandOption option = context.getCommandOption();
		if (option != null && OUTPUT_OPTION.equals(option.longName())) {
			for (OutputFormat format : OutputFormat.values()) {
				String value = format.name().toLowerCase(Locale.ROOT);
				candidates.add(new Candidate(prefix + value, value, null, null, null, null, true));
			}
			return;
		}
		candidates.addAll(waitFor(reader, () -> {
			List<Candidate> found = new ArrayList<>();
			propose(command, context, prefix, found);
			return found;
		}));
	}

	/**
	 * The proposals, waited for on the reader's thread: past {@link #hintAfter} the line says so, and Ctrl-C (which
	 * interrupts the reading thread) gives up, proposing nothing and keeping the line.
	 */
	private List<Candidate> waitFor(LineReader reader, Supplier<List<Candidate>> provider) {
		Future<List<Candidate>> lookup = lookups.submit(provider::get);
		LineReaderImpl waiting = reader instanceof LineReaderImpl impl && impl.isReading() ? impl : null;
		try {
			try {
				return lookup.get(hintAfter.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException slow) {
				hint(waiting, WAITING_HINT);
				try {
					return lookup.get();
				}
				finally {
					hint(waiting, "");
				}
			}
		}
		catch (InterruptedException e) {
			lookup.cancel(true);
			return List.of();
		}
		catch (ExecutionException e) {
			return failed(e);
		}
	}

	private static List<Candidate> failed(ExecutionException e) {
		log.debug("completion failed: {}", e.getCause() == null ? e : e.getCause().getMessage());
		return List.of();
	}

	private static void hint(LineReaderImpl reader, String text) {
		if (reader != null) {
			reader.setRightPrompt(text);
			reader.callWidget(LineReader.REDISPLAY);
		}
	}

}
