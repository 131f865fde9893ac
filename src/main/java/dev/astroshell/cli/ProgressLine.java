package dev.astroshell.cli;

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

/**
 * {@link Progress} as one line on a {@link Screen}: once a task has been open for the delay, a spinner with what it
 * is doing ({@code ⠋ updating token…}, {@code ⠋ fetched 300 of 1,000 tokens of etl-prod}), redrawn in place ten
 * times a second by one daemon thread and erased when the last open task closes, before {@code close()} returns:
 * whatever the caller draws next (a picker, the result, an error) finds the line empty, and nothing is drawn until
 * the next task; a line drawn over the input being typed (a wait during Tab completion) gives the input back. A
 * screen that cannot redraw a line ({@code TERM=dumb}) shows nothing.
 */
public class ProgressLine implements Progress, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProgressLine.class);

	private static final Duration TICK = Duration.ofMillis(100);

	private static final String[] SPINNER = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };

	private static final String[] ASCII_SPINNER = { "|", "/", "-", "\\" };

	/** What the line needs of a terminal. */
	public interface Screen {

		/** Whether it can go back to the start of the line and erase to its end, which a dumb terminal cannot. */
		boolean canRedrawLine();

		/** Its columns (0: unknown). */
		int width();

		boolean unicode();

		/** Replaces the line the cursor is on with the spinner (coloured as the terminal may) and the text. */
		void drawLine(String spinner, String text);

		void eraseLine();

		/**
		 * Sends Ctrl-C to {@code handler} until {@link #releaseInterrupt()}; returns the handler that was in place, or
		 * null when the default was (which ends the JVM).
		 */
		Runnable trapInterrupt(Runnable handler);

		void releaseInterrupt();

		/** Draws the input being typed again, if the user is typing: the line was drawn over it. */
		void redrawInput();
	}

	private final Screen screen;

	/** How long a task waits before its line shows; tests set it (a quick wait draws nothing, a slow one at once). */
	private final Duration delay;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "astro-progress");
		thread.setDaemon(true);
		return thread;
	});

	/** Guards everything below and every write to the screen. */
	private final Object lock = new Object();

	/** Open tasks, the newest first: the newest is shown once the oldest has waited long enough. */
	private final Deque<Running> open = new ArrayDeque<>();

	private ScheduledFuture<?> ticker;

	/** The Ctrl-C handler in place before the first open task (null: the default). */
	private Runnable outerInterrupt;

	/** Ctrl-C was pressed: nothing is drawn until the open tasks have closed. */
	private boolean interrupted;

	private boolean shown;

	private int frame;

	public ProgressLine(Screen screen, Duration delay) {
		this.screen = screen;
		this.delay = delay;
	}

	@Override
	public Task start(Label label) {
		if (!screen.canRedrawLine()) {
			return Task.NONE;
		}
		Running task = new Running(label, System.nanoTime() + delay.toNanos(), Thread.currentThread());
		synchronized (lock) {
			if (open.isEmpty()) {
				outerInterrupt = screen.trapInterrupt(this::interrupt);
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
	private void interrupt() {
		Runnable outer;
		Thread waiting;
		synchronized (lock) {
			interrupted = true;
			erase();
			outer = outerInterrupt;
			waiting = open.isEmpty() ? null : open.peekLast().owner;
		}
		if (outer != null) {
			outer.run();
		}
		else if (waiting != null) {
			waiting.interrupt();
		}
	}

	private void tick() {
		synchronized (lock) {
			Running newest = open.peekFirst();
			if (newest == null || interrupted || System.nanoTime() < open.peekLast().showAfter) {
				return;
			}
			try {
				String[] spinner = screen.unicode() ? SPINNER : ASCII_SPINNER;
				screen.drawLine(spinner[frame % spinner.length], fitted(newest));
				shown = true;
				frame++;
			}
			catch (RuntimeException e) {
				// a failed draw (the terminal closing at exit) must not end the ticker, which would never draw again
				log.debug("Progress line not drawn", e);
			}
		}
	}

	/** What the task does, cut to the screen's width so that the line never wraps. */
	private String fitted(Running task) {
		boolean unicode = screen.unicode();
		String text = task.text(unicode ? "…" : "...");
		int room = (screen.width() > 1 ? screen.width() : 80) - 3; // the spinner, a space, the cursor's last column
		if (unicode || TerminalText.width(text) <= room) {
			return TerminalText.fit(text, room);
		}
		return TerminalText.fit(text, room - 2).replaceFirst("…$", "...");
	}

	private void finish(Running task) {
		synchronized (lock) {
			if (!open.remove(task) || !open.isEmpty()) {
				return;
			}
			ticker.cancel(false);
			ticker = null;
			screen.releaseInterrupt();
			interrupted = false;
			if (!erase()) {
				return;
			}
		}
		// outside the lock: the reader takes its own, which its thread may hold while it starts a task
		screen.redrawInput();
	}

	/** Takes the line off the screen if it is there; true if it was. Holds the lock. */
	private boolean erase() {
		if (!shown) {
			return false;
		}
		screen.eraseLine();
		shown = false;
		return true;
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
