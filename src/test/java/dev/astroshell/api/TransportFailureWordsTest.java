package dev.astroshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.SocketException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import dev.astroshell.AstroProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A transport failure is one line in words, also when the exception has no message of its own. */
class TransportFailureWordsTest {

	private static final AstroProperties.Api SETTINGS = new AstroProperties.Api(null, 8888, Duration.ofSeconds(2),
			Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofMillis(50), 100, 1);

	/** netty reports a failure without a message, with the address it adds, as "null: localhost/127.0.0.1:1". */
	@ParameterizedTest
	@ValueSource(strings = { "", "null: localhost/127.0.0.1:1" })
	void aFailureWithoutAMessageSaysSoInWords(String message) {
		ApiException failure = failWith(message.isEmpty() ? new SocketException() : new SocketException(message));

		assertThat(failure.kind()).isEqualTo(ApiException.Kind.TRANSPORT);
		assertThat(failure.getMessage()).isEqualTo("request to localhost:1 failed: the connection failed without a "
				+ "reason given (SocketException)");
	}

	@Test
	void aFailureWithAMessageKeepsIt() {
		assertThat(failWith(new SocketException("Broken pipe")).getMessage())
			.isEqualTo("request to localhost:1 failed: Broken pipe");
	}

	private static ApiException failWith(Exception failure) {
		WebClient.Builder failing = WebClient.builder().filter((request, next) -> Mono.error(failure));
		AstroApi api = new WebClientAstroApi(failing, JsonMapper.builder().build(), SETTINGS,
				new ApiTarget(URI.create("http://localhost:1/v1"), "t"), "astro-shell/test");
		return catchThrowableOfType(ApiException.class, () -> api.deleteToken("o", "t").block());
	}
}
