package dev.astroshell.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

import dev.astroshell.cli.Renderer;
import dev.astroshell.cli.RunMode;
import dev.astroshell.cli.TerminalText;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.shell.jline.tui.component.ConfirmationInput.ConfirmationInputContext;
import org.springframework.shell.jline.tui.component.SingleItemSelector.SingleItemSelectorContext;
import org.springframework.shell.jline.tui.component.StringInput.StringInputContext;
import org.springframework.shell.jline.tui.component.support.AbstractComponent;
import org.springframework.shell.jline.tui.component.support.SelectorItem;
import org.springframework.shell.jline.tui.style.TemplateExecutor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The prompts of the REPL, drawn with Spring Shell's TUI components. Esc or Ctrl-C cancels a prompt with
 * {@link PromptCancelledException}; the terminal is restored and the shell goes on.
 * <p>
 * Titles, questions and labels quote the API (token names, descriptions, roles) and the components write them to the
 * terminal as they are, so each is made {@link TerminalText#oneLine one inert line} here.
 */
@Component
public class JLinePrompter implements Prompter {

	static final int VISIBLE_OPTIONS = 10;

	/** The cursor mark before a row and the column left free at the end of it. */
	private static final int ROW_MARGIN = 3;

	/** The size of a terminal that reports none, as the REPL takes it. */
	static final Size NO_SIZE_FALLBACK = new Size(80, 24);

	private final Terminal terminal;

	private final ResourceLoader resourceLoader;

	private final TemplateExecutor templateExecutor;

	private final RunMode mode;

	/** False when {@code NO_COLOR} is set to anything non-empty (no-color.org), as for every colour of the shell. */
	private final boolean colour;

	public JLinePrompter(Terminal terminal, ResourceLoader resourceLoader, TemplateExecutor templateExecutor,
			RunMode mode, Environment environment) {
		this.terminal = terminal;
		this.resourceLoader = resourceLoader;
		this.templateExecutor = templateExecutor;
		this.mode = mode;
		this.colour = !StringUtils.hasLength(environment.getProperty("NO_COLOR"));
	}

	@Override
	public boolean isInteractive() {
		return mode.isInteractive();
	}

	@Override
	public int select(String title, List<String> options, int initial) {
		if (options.isEmpty()) {
			throw new IllegalArgumentException("nothing to select for: " + title);
		}
		if (!hasCursorControl()) {
			return linePrompts().select(title, options, initial);
		}
		List<SelectorItem<Option>> items = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			String label = TerminalText.oneLine(options.get(i));
			items.add(SelectorItem.of(label, new Option(i, label)));
		}
		var selector = prepare(new CancellableComponents.Selector(terminal, items, TerminalText.oneLine(title),
				new CancellableComponents.PickerView(colour), VISIBLE_OPTIONS));
		selector.setMaxItems(Math.min(VISIBLE_OPTIONS, options.size()));
		selector.setDefaultExpose(items.get(Math.max(0, Math.min(initial, items.size() - 1))));
		SingleItemSelectorContext<Option, SelectorItem<Option>> result = cancellable(
				() -> selector.run(SingleItemSelectorContext.empty()));
		return result.getResultItem()
			.map(SelectorItem::getItem)
			.map(Option::index)
			.orElseThrow(PromptCancelledException::new);
	}

	/** Rows fitted to the terminal: the shrinking column gives way first, then rows are cut at their end. */
	@Override
	public int select(String title, List<String[]> rows, int shrinkColumn, int initial) {
		int width = hasCursorControl() ? sized().getWidth() - ROW_MARGIN : 0;
		return select(title, Renderer.align(rows, Math.max(0, width), Set.of(shrinkColumn)), initial);
	}

	/** A selector's item: the component echoes the chosen item's toString(), which must be its label. */
	record Option(int index, String label) {
		@Override
		public String toString() {
			return label;
		}
	}

	@Override
	public boolean confirm(String question, boolean defaultAnswer) {
		if (!hasCursorControl()) {
			return linePrompts().confirm(TerminalText.inert(question), defaultAnswer);
		}
		// inert but with its line breaks, which separate its sentences: the names quoted in it are one line already
		var input = prepare(new CancellableComponents.Confirmation(terminal, TerminalText.inert(question),
				defaultAnswer, colour));
		ConfirmationInputContext result = cancellable(() -> input.run(ConfirmationInputContext.empty()));
		return result.getResultValue() != null ? result.getResultValue() : defaultAnswer;
	}

	@Override
	public String input(String prompt, String defaultValue) {
		if (!hasCursorControl()) {
			return linePrompts().input(prompt, defaultValue);
		}
		return readText(prompt, defaultValue, null);
	}

	@Override
	public String secret(String prompt) {
		requireInteractive();
		if (!hasCursorControl()) {
			// such a terminal echoes what is typed: a secret would stay on the screen
			throw new NotInteractiveException(
					"this terminal (" + terminalName() + ") cannot hide a secret as it is typed");
		}
		return readText(prompt, null, '*');
	}

	private String readText(String prompt, String defaultValue, Character mask) {
		// the component puts a space between the prompt and the answer: one of the prompt's own would double it
		var input = prepare(new CancellableComponents.Text(terminal, TerminalText.oneLine(prompt).stripTrailing(),
				defaultValue, mask));
		StringInputContext result = cancellable(() -> input.run(StringInputContext.empty()));
		String value = result.getResultValue();
		return value != null ? value : (defaultValue != null ? defaultValue : "");
	}

	/**
	 * The terminal as the user knows it: their {@code TERM}, which JLine reports as {@code dumb-color} when it is
	 * {@code dumb} and colour is on.
	 */
	private String terminalName() {
		String term = System.getenv("TERM");
		return term == null || term.isBlank() ? "no TERM set" : "TERM=" + term;
	}

	/** False on a dumb terminal ({@code TERM=dumb}): the components cannot draw there, so prompts are lines. */
	private boolean hasCursorControl() {
		return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
	}

	private void requireInteractive() {
		if (!isInteractive()) {
			throw new NotInteractiveException("cannot prompt in a non-interactive run");
		}
	}

	private LinePrompts linePrompts() {
		requireInteractive();
		LineReader reader = LineReaderBuilder.builder()
			.terminal(terminal)
			.variable(LineReader.DISABLE_HISTORY, true)
			.build();
		return new LinePrompts(terminal.writer(), prompt -> {
			try {
				return reader.readLine(prompt);
			}
			catch (UserInterruptException | EndOfFileException e) {
				return null;
			}
		});
	}

	/**
	 * The terminal, taken to be 80x24 when it reports no size: a pty with no window size says 0x0, into which a
	 * component draws nothing and echoes nothing. The REPL does the same before its first line; a one-shot command's
	 * picker may be the first to draw.
	 */
	private Terminal sized() {
		if (terminal.getWidth() == 0 || terminal.getHeight() == 0) {
			terminal.setSize(NO_SIZE_FALLBACK);
		}
		return terminal;
	}

	private <C extends AbstractComponent<?>> C prepare(C component) {
		sized();
		component.setResourceLoader(resourceLoader);
		component.setTemplateExecutor(templateExecutor);
		return component;
	}

	/**
	 * Runs a component with Ctrl-C turned into a cancel. Raw mode keeps ISIG, so Ctrl-C arrives as SIGINT, whose
	 * default handler would end the JVM with the terminal left in raw mode; instead it interrupts the read.
	 */
	private <R> R cancellable(Supplier<R> prompt) {
		requireInteractive();
		Thread caller = Thread.currentThread();
		AtomicBoolean interrupted = new AtomicBoolean();
		SignalHandler previous = terminal.handle(Signal.INT, signal -> {
			interrupted.set(true);
			caller.interrupt();
		});
		try {
			return prompt.get();
		}
		catch (RuntimeException | java.io.IOError e) {
			if (interrupted.get()) {
				throw new PromptCancelledException();
			}
			throw e;
		}
		finally {
			terminal.handle(Signal.INT, previous);
			Thread.interrupted();
		}
	}

}
