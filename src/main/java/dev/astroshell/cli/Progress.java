package dev.astroshell.cli;

/**
 * Feedback while something slow runs: a task is started with what it waits for, may count what it has got, and is
 * closed (in a {@code finally}) when done. The implementation decides whether and how to show it; the shell draws a
 * line on the terminal once a task has taken a moment, and clears it on close.
 */
public interface Progress {

	/** Shows nothing: for output that must stay clean (JSON, a file, a pipe). */
	Progress NONE = label -> Task.NONE;

	/** Starts a task labelled with what it is doing, such as {@code updating token}. */
	Task start(Label label);

	default Task start(String label) {
		return start(Label.of(label));
	}

	/**
	 * What a task is doing, and, for one that counts, what it counts.
	 * @param doing e.g. {@code fetching tokens of etl-prod}
	 * @param counted e.g. {@code tokens of etl-prod}, shown as {@code fetched 300 of 1,000 tokens of etl-prod};
	 * {@code null} for a task that does not count
	 */
	record Label(String doing, String counted) {

		public static Label of(String doing) {
			return new Label(doing, null);
		}
	}

	/** A running task; {@link #close()} ends it and takes its line off the screen. Thread-safe. */
	interface Task extends AutoCloseable {

		Task NONE = new Task() {
		};

		/** Says what the task is doing now (a wait learns what it waits for once its request is sent). */
		default void relabel(Label label) {
		}

		/** {@code done} of {@code total} items are in. */
		default void update(long done, long total) {
		}

		/**
		 * Runs {@code output}, which writes (and flushes) to the terminal while the task goes on (a list streamed page
		 * by page), with the line off the screen; it is drawn again under that output.
		 */
		default void whileHidden(Runnable output) {
			output.run();
		}

		@Override
		default void close() {
		}
	}

}
