package dev.astroshell.sandbox;

import java.time.Duration;
import java.util.Arrays;

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

	/** Validates a PUT body: rates 0–1, statuses 400–599, non-negative latency. */
	static Faults parse(JsonNode body) {
		FieldChecks checks = new FieldChecks();
		long latencyMs = body.path("latencyMs").asLong(0);
		checks.check(latencyMs >= 0, "range", "latencyMs", "latencyMs must not be negative");
		double errorRate = rate(body, "errorRate", checks);
		double dropRate = rate(body, "dropRate", checks);
		double loseAnswerRate = rate(body, "loseAnswerRate", checks);
		int[] statuses = body.has("errorStatuses")
				? body.get("errorStatuses").valueStream().mapToInt(JsonNode::asInt).toArray()
				: FaultInjector.OFF.errorStatuses();
		checks.check(Arrays.stream(statuses).allMatch(s -> s >= 400 && s <= 599), "range", "errorStatuses",
				"errorStatuses must be HTTP error statuses (400-599)");
		int retryAfter = body.path("retryAfter").asInt(FaultInjector.OFF.retryAfter());
		checks.throwIfAny();
		return new Faults(Duration.ofMillis(latencyMs), errorRate, statuses, dropRate, loseAnswerRate, retryAfter,
				body.path("paths").asString(""), body.path("methods").asString(""));
	}

	private static double rate(JsonNode body, String field, FieldChecks checks) {
		double rate = body.path(field).asDouble(0);
		checks.check(rate >= 0 && rate <= 1, "range", field, field + " must be from 0 to 1");
		return rate;
	}
}
