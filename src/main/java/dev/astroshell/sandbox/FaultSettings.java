package dev.astroshell.sandbox;

import java.time.Duration;

import dev.astroshell.AstroProperties.Faults;
import tools.jackson.databind.JsonNode;

/**
 * The JSON form of {@link Faults} on {@code /sandbox/faults}; a PUT replaces every setting, absent ones are off.
 * @param latencyMs added latency in milliseconds
 */
record FaultSettings(long latencyMs, double errorRate, int[] errorStatuses, double dropRate, double loseAnswerRate,
		int retryAfter, String paths, String methods) {

	static FaultSettings of(Faults faults) {
		return new FaultSettings(faults.latency().toMillis(), faults.errorRate(), faults.errorStatuses(),
				faults.dropRate(), faults.loseAnswerRate(), faults.retryAfter(), faults.paths(), faults.methods());
	}

	/** An hour: far beyond any client's patience, and a sleep that cannot overflow. */
	private static final long MAX_LATENCY_MS = 3_600_000;

	private static final long MAX_RETRY_AFTER_SECONDS = 86_400;

	/** Validates a PUT body: rates 0–1, statuses 400–599, whole numbers in range. */
	static Faults parse(JsonNode body) {
		FieldChecks checks = new FieldChecks();
		Long latencyMs = checks.whole(body, "latencyMs", 0, MAX_LATENCY_MS);
		double errorRate = rate(body, "errorRate", checks);
		double dropRate = rate(body, "dropRate", checks);
		double loseAnswerRate = rate(body, "loseAnswerRate", checks);
		int[] statuses = body.has("errorStatuses") ? statuses(body.get("errorStatuses"), checks)
				: FaultInjector.OFF.errorStatuses();
		Long retryAfter = checks.whole(body, "retryAfter", 0, MAX_RETRY_AFTER_SECONDS);
		checks.throwIfAny();
		return new Faults(Duration.ofMillis(latencyMs == null ? 0 : latencyMs), errorRate, statuses, dropRate,
				loseAnswerRate, retryAfter == null ? FaultInjector.OFF.retryAfter() : retryAfter.intValue(),
				body.path("paths").asString(""), body.path("methods").asString(""));
	}

	/** HTTP error statuses; an empty array when it is not one. */
	private static int[] statuses(JsonNode list, FieldChecks checks) {
		boolean ok = list.isArray() && list.valueStream()
			.allMatch(s -> s.isIntegralNumber() && s.canConvertToInt() && s.asInt() >= 400 && s.asInt() <= 599);
		checks.check(ok, "range", "errorStatuses", "errorStatuses must be HTTP error statuses (400-599)");
		return ok ? list.valueStream().mapToInt(JsonNode::asInt).toArray() : new int[0];
	}

	private static double rate(JsonNode body, String field, FieldChecks checks) {
		double rate = body.path(field).asDouble(0);
		checks.check(rate >= 0 && rate <= 1, "range", field, field + " must be from 0 to 1");
		return rate;
	}
}
