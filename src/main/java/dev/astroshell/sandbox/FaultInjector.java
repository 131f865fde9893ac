package dev.astroshell.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.astroshell.AstroProperties.Faults;

/**
 * Decides which API requests get injected latency, an error status, a dropped connection, or a lost answer. Random by the rates
 * of the {@link Faults} settings, or deterministic by a plan ("fail the next N matching requests with S") that
 * takes precedence, for tests.
 */
final class FaultInjector {

	/** No fault. */
	static final Faults OFF = new Faults(Duration.ZERO, 0, new int[] { 500, 502, 503, 429 }, 0, 1, "", "");

	/**
	 * What to do with one request: wait {@code latency}, then drop it, answer {@code status}, or serve it (0) — and,
	 * with {@code loseAnswer}, close the connection instead of sending what it answered.
	 */
	record Decision(Duration latency, int status, boolean drop, boolean loseAnswer) {
		Decision(Duration latency, int status, boolean drop) {
			this(latency, status, drop, false);
		}
	}

	/** A planned outcome: {@link #DROP}, {@link #LOSE_ANSWER} or an HTTP status. */
	private static final int DROP = 0;

	private static final int LOSE_ANSWER = -1;

	private final Queue<Integer> plan = new ConcurrentLinkedQueue<>();

	/** Shared by the server's threads: java.util.Random is thread-safe, and faults are drawn rarely. */
	private final Random random = new Random();

	private volatile Faults settings;

	FaultInjector(Faults settings) {
		this.settings = settings == null ? OFF : settings;
	}

	Faults settings() {
		return settings;
	}

	void settings(Faults newSettings) {
		this.settings = newSettings == null ? OFF : newSettings;
	}

	/** The next {@code count} matching requests are answered with {@code status}. */
	void failNext(int count, int status) {
		for (int i = 0; i < count; i++) {
			plan.add(status);
		}
	}

	/** The next {@code count} matching requests have their connection closed without an answer. */
	void dropNext(int count) {
		for (int i = 0; i < count; i++) {
			plan.add(DROP);
		}
	}

	/** The next {@code count} matching requests are carried out, but their answers never reach the client. */
	void loseNextAnswers(int count) {
		for (int i = 0; i < count; i++) {
			plan.add(LOSE_ANSWER);
		}
	}

	void clearPlan() {
		plan.clear();
	}

	Decision decide(String method, String path) {
		Faults faults = settings;
		if (!matches(faults, method, path)) {
			return new Decision(Duration.ZERO, 0, false);
		}
		Duration latency = faults.latency() == null ? Duration.ZERO : faults.latency();
		Integer planned = plan.poll();
		if (planned != null) {
			return planned == LOSE_ANSWER ? new Decision(latency, 0, false, true)
					: new Decision(latency, planned, planned == DROP);
		}
		if (faults.dropRate() > 0 && random.nextDouble() < faults.dropRate()) {
			return new Decision(latency, 0, true);
		}
		if (faults.loseAnswerRate() > 0 && random.nextDouble() < faults.loseAnswerRate()) {
			return new Decision(latency, 0, false, true);
		}
		int[] statuses = faults.errorStatuses();
		if (faults.errorRate() > 0 && statuses != null && statuses.length > 0
				&& random.nextDouble() < faults.errorRate()) {
			return new Decision(latency, statuses[random.nextInt(statuses.length)], false);
		}
		return new Decision(latency, 0, false);
	}

	private static boolean matches(Faults faults, String method, String path) {
		String paths = faults.paths();
		String methods = faults.methods();
		return (paths == null || paths.isBlank() || path.contains(paths.strip()))
				&& (methods == null || methods.isBlank() || Arrays.stream(methods.split(","))
					.map(m -> m.strip().toUpperCase(Locale.ROOT))
					.anyMatch(method::equals));
	}
}
