package dev.astroshell.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {

	@Test
	void anInterruptedWaitIsACancelNotAFailure() {
		RuntimeException reactorWrapped = new RuntimeException(new InterruptedException());
		Failure f = Failure.of(new InvocationTargetException(reactorWrapped), false);
		assertThat(f.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(f.message()).isEqualTo("interrupted");
	}

	@Test
	void anExceptionWithoutAMessageIsNamedInWords() {
		assertThat(Failure.of(new IllegalStateException(), false))
			.extracting(Failure::exitCode, Failure::message)
			.containsExactly(ExitCodes.FAILURE, "unexpected IllegalStateException without a message (--debug shows where)");
		assertThat(Failure.of(new IllegalArgumentException("null"), false).message())
			.isEqualTo("unexpected IllegalArgumentException without a message (--debug shows where)");
		assertThat(Failure.of(new IllegalArgumentException("no such port"), false).message()).isEqualTo("no such port");
	}

	@Test
	void apiFailuresMapByStatus() {
		assertThat(Failure.of(new ApiException(ApiException.Kind.HTTP, 401, "x", null, List.of(), null), false).exitCode())
			.isEqualTo(ExitCodes.AUTH);
		assertThat(Failure.of(new ApiException(ApiException.Kind.HTTP, 500, "boom", null, List.of(), null), false))
			.extracting(Failure::exitCode, Failure::message)
			.containsExactly(ExitCodes.FAILURE, "boom");
	}
}
