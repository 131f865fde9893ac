package dev.astroshell.shell;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.astroshell.cli.Completer;
import dev.astroshell.cli.TerminalText;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.utils.AttributedString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Tab completion, on the {@link CommandModel}, replacing 4.0.1's CommandCompleter (see the package notes): command
 * names word by word ({@code deployment token update cl<Tab>} reaches the positional), word aliases; then it asks the
 * parser which option or argument the cursor is in ({@code --name <Tab>}, {@code --name "Tok<Tab>},
 * {@code --name=Tok<Tab>}, a positional), proposes the option names not yet given, and the values of that option's
 * or argument's {@link Completer}. A completer that takes longer than a moment (a slow API) shows {@code fetching…}
 * below the line; Ctrl-C abandons the wait and leaves the line as typed.
 */
@Component
public class ShellCompleter extends CommandCompleter {

	private static final Logger log = LoggerFactory.getLogger(ShellCompleter.class);

	static final String WAITING_HINT = "fetching… (Ctrl-C stops)";

	/** LineReaderImpl's {@code post}: what is shown below the input line; null (no hint) in a JLine without it. */
	private static final Field POST = ReflectionUtils.findField(LineReaderImpl.class, "post");

	private final CommandModel model;

	private final CommandLineParser parser;

	/** How long a Tab waits before it says that it is waiting; tests set it so that a hint shows always or never. */
	private final Duration hintAfter;

	/** Runs the completers, so that the reader's thread can show the hint and take Ctrl-C while one waits. */
	private final ExecutorService lookups = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "completion");
		thread.setDaemon(true);
		return thread;
	});

	public ShellCompleter(CommandRegistry registry, CommandModel model, CommandLineParser parser,
			@Value("${astro.shell.completion-hint-delay:200ms}") Duration hintAfter) {
		super(registry);
		this.model = model;
		this.parser = parser;
		this.hintAfter = hintAfter;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		CommandLineParser.Partial partial = parser.partial(line.words(), Math.max(line.wordIndex(), 0),
				line.word().substring(0, Math.max(line.wordCursor(), 0)));
		String prefix = partial.resolution().name();
		for (String word : partial.commandWord() ? model.names().nextWords(prefix) : Set.<String>of()) {
			CommandModel.Spec spec = model.command(prefix.isEmpty() ? word : prefix + " " + word);
			candidates.add(new Candidate(word, word, null, spec == null ? null : spec.description(), null, null, true));
		}
		CommandModel.Spec command = partial.resolution().command();
		if (command != null && partial.option() == null) {
			// one entry per option not given yet: --role, shown as "--role, -r"
			command.options().stream().filter(o -> !partial.given().contains(o)).forEach(o -> candidates.add(
					new Candidate(o.display(), String.join(", ", o.names()), null, o.description(), null, null, true)));
		}
		if (partial.completer() != null) {
			// the proposals' text comes from the API (token names, descriptions): the menu shows it as one inert line;
			// the value goes into the line exactly, where JLine shows a control as ^[ and the parser gets the real name
			candidates.addAll(waitFor(reader, () -> partial.completer().complete(partial.request()).stream()
				.map(p -> new Candidate(partial.prefix() + p.value(),
						TerminalText.oneLine(p.display() == null ? p.value() : p.display()), null,
						TerminalText.oneLine(p.description()), null, null, p.complete()))
				.toList()));
		}
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
					hint(waiting, null);
				}
			}
		}
		catch (InterruptedException e) {
			lookup.cancel(true);
			return List.of();
		}
		catch (ExecutionException e) {
			log.debug("completion failed: {}", e.getCause() == null ? e : e.getCause().getMessage());
			return List.of();
		}
	}

	/**
	 * Shows {@code text} on the line below the input, where JLine shows its completion list, or removes it (null). The
	 * right prompt would be simpler, but JLine hides it as soon as the line is long. JLine offers this place only to
	 * its subclasses ({@code post}), so it is reached by reflection; without it, no hint.
	 */
	private static void hint(LineReaderImpl reader, String text) {
		if (reader != null && POST != null) {
			ReflectionUtils.makeAccessible(POST);
			ReflectionUtils.setField(POST, reader,
					text == null ? null : (Supplier<AttributedString>) () -> new AttributedString(text));
			reader.callWidget(LineReader.REDISPLAY);
		}
	}

}
