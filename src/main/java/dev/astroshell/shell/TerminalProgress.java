package dev.astroshell.shell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

import dev.astroshell.cli.Progress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@link Progress} as one line on the terminal: once a task has been open for {@code astro.shell.progress-delay}
 * (300 ms), a spinner with what it
 * is doing ({@code ⠋ updating token…}, {@code ⠋ fetched 300 of 1,000 tokens of etl-prod}), redrawn in place ten
 * times a second by one daemon thread ({@code \r}, the line, erase to the end of the line) and erased when the last
 * open task closes, before {@code close()} returns: whatever the caller draws next (a picker, the result, an error)
 * finds the line empty, and nothing is drawn until the next task; a line drawn over the input being typed (a wait
 * during Tab completion) gives the input back. A terminal without cursor control ({@code dumb}) shows nothing;
 * {@code NO_COLOR} drops the colour.
 */
@Component
public class TerminalProgress implements Progress, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TerminalProgress.class);

	private static final Duration TICK = Duration.ofMillis(100);

	private static final String[] SPINNER = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };

	private static final String[] ASCII_SPINNER = { "|", "/", "-", "\\" };

	private final Terminal terminal;

	private final ObjectProvider<LineReader> reader;

	private final boolean colour;

	/** How long a task waits before its line shows; tests set it (a quick wait draws nothing, a slow one at once). */
	private final Duration delay;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "astro-progress");
		thread.setDaemon(true);
		return thread;
	});

	/** Guards everything below and every write to the terminal. */
	private final Object lock = new Object();

	/** Open tasks, the newest first: the newest is shown once the oldest has waited long enough. */
	private final Deque<Running> open = new ArrayDeque<>();

	private ScheduledFuture<?> ticker;

	/** The Ctrl-C handler in place before the first open task; put back when the last one closes. */
	private Terminal.SignalHandler outerInterrupt;

	/** Ctrl-C was pressed: nothing is drawn until the open tasks have closed. */
	private boolean interrupted;

	private boolean shown;

	private int frame;

	public TerminalProgress(Terminal terminal, ObjectProvider<LineReader> reader, Environment environment,
			@Value("${astro.shell.progress-delay:300ms}") Duration delay) {
		this.terminal = terminal;
		this.delay = delay;
		this.reader = reader;
		this.colour = !StringUtils.hasLength(environment.getProperty("NO_COLOR"));
	}

	@Override
	public Task start(Label label) {
		if (!canRedrawLine()) {
			return Task.NONE;
		}
		Running task = new Running(label, System.nanoTime() + delay.toNanos(), Thread.currentThread());
		synchronized (lock) {
			if (open.isEmpty()) {
				outerInterrupt = terminal.handle(Terminal.Signal.INT, this::interrupt);
				ticker = scheduler.scheduleAtFixedRate(this::tick, delay.toMillis(), TICK.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			open.push(task);
		}
		return task;
	}

	/**
	 * Ctrl-C during a wait: the line goes at once, then the wait is interrupted as the REPL does it (its handler, when
	 * one is in place), so that a one-shot run too ends with {@code Error: interrupted} and no line left behind,
	 * instead of dying on the signal with the line still on the screen.
	 */
	private void interrupt(Terminal.Signal signal) {
		Terminal.SignalHandler outer;
		Thread waiting;
		synchronized (lock) {
			interrupted = true;
			erase();
			outer = outerInterrupt;
			waiting = open.isEmpty() ? null : open.peekLast().owner;
		}
		if (outer != Terminal.SignalHandler.SIG_DFL && outer != Terminal.SignalHandler.SIG_IGN && outer != null) {
			outer.handle(signal);
		}
		else if (waiting != null) {
			waiting.interrupt();
		}
	}

	/** {@code \r} and erase-to-end-of-line: what {@code TERM=dumb} (and a pipe, which JLine makes dumb) lacks. */
	private boolean canRedrawLine() {
		return !terminal.getType().startsWith(Terminal.TYPE_DUMB)
				&& terminal.getStringCapability(Capability.carriage_return) != null
				&& terminal.getStringCapability(Capability.clr_eol) != null;
	}

	private void tick() {
		synchronized (lock) {
			Running newest = open.peekFirst();
			if (newest == null || interrupted || System.nanoTime() < open.peekLast().showAfter) {
				return;
			}
			try {
				terminal.puts(Capability.carriage_return);
				terminal.writer().print(line(newest));
				terminal.puts(Capability.clr_eol);
				terminal.flush();
				shown = true;
				frame++;
			}
			catch (RuntimeException e) {
				// a failed draw (the terminal closing at exit) must not end the ticker, which would never draw again
				log.debug("Progress line not drawn", e);
			}
		}
	}

	private void finish(Running task) {
		synchronized (lock) {
			if (!open.remove(task) || !open.isEmpty()) {
				return;
			}
			ticker.cancel(false);
			ticker = null;
			terminal.handle(Terminal.Signal.INT, outerInterrupt);
			interrupted = false;
			if (!erase()) {
				return;
			}
		}
		// outside the lock: the reader takes its own, which its thread may hold while it starts a task
		redrawInput();
	}

	/** Takes the line off the screen if it is there; true if it was. Holds the lock. */
	private boolean erase() {
		if (!shown) {
			return false;
		}
		terminal.puts(Capability.carriage_return);
		terminal.puts(Capability.clr_eol);
		terminal.flush();
		shown = false;
		return true;
	}

	/** A wait while the user types (a Tab completion) drew over the input line: put it back as it was. */
	private void redrawInput() {
		if (reader.getIfAvailable() instanceof LineReaderImpl typing && typing.isReading()) {
			typing.callWidget(LineReader.REDRAW_LINE);
			typing.callWidget(LineReader.REDISPLAY);
		}
	}

	/** The spinner and what the task does, cut to the terminal's width so that it never wraps. */
	private String line(Running task) {
		boolean unicode = StandardCharsets.UTF_8.equals(terminal.encoding());
		String[] spinner = unicode ? SPINNER : ASCII_SPINNER;
		String ellipsis = unicode ? "…" : "...";
		int width = terminal.getWidth() > 1 ? terminal.getWidth() : 80;
		AttributedString text = new AttributedString(task.text(ellipsis));
		int room = width - 3; // the spinner, a space, and the last column, where the cursor would wrap
		String shown = text.columnLength() <= room ? text.toString()
				: text.columnSubSequence(0, Math.max(0, room - ellipsis.length())).toString().stripTrailing()
						+ ellipsis;
		return new AttributedStringBuilder()
			.append(spinner[frame % spinner.length],
					colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT)
			.append(" ")
			.append(shown)
			.toAnsi(terminal);
	}

	/** At exit, Ctrl-C in a one-shot run included: no line is left behind for the shell's prompt to follow. */
	@Override
	public void close() {
		scheduler.shutdownNow();
		synchronized (lock) {
			open.clear();
			erase();
		}
	}

	private final class Running implements Task {

		private record Count(long done, long total) {
		}

		final long showAfter;

		/** The thread that waits, interrupted by Ctrl-C. */
		final Thread owner;

		private volatile Label label;

		private volatile Count count;

		Running(Label label, long showAfter, Thread owner) {
			this.label = label;
			this.showAfter = showAfter;
			this.owner = owner;
		}

		String text(String ellipsis) {
			Label l = label;
			Count c = count;
			if (c != null && l.counted() != null) {
				return String.format(Locale.ROOT, "fetched %,d of %,d %s", c.done(), c.total(), l.counted());
			}
			return l.doing() + ellipsis;
		}

		@Override
		public void relabel(Label newLabel) {
			label = newLabel;
		}

		@Override
		public void update(long done, long total) {
			count = new Count(done, total);
		}

		@Override
		public void whileHidden(Runnable output) {
			// under the lock, so that no tick draws between the erase and the output
			synchronized (lock) {
				erase();
				output.run();
			}
		}

		@Override
		public void close() {
			finish(this);
		}
	}

}
