package dev.astroshell.api;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlsTest {

	@ParameterizedTest
	@CsvSource({ "'', https://api.astronomer.io/v1", "astronomer.io, https://api.astronomer.io/v1",
			"cloud.astronomer.io, https://api.astronomer.io/v1",
			"https://cloud.astronomer.io/, https://api.astronomer.io/v1",
			"pr1234.astronomer-dev.io, https://pr1234.api.astronomer-dev.io/v1",
			"pr123456.astronomer-dev.io, https://pr123456.api.astronomer-dev.io/v1",
			"cloud.pr4321.astronomer-dev.io, https://pr4321.api.astronomer-dev.io/v1",
			"localhost, http://localhost:9999/v1", "localhost:19150, http://localhost:19150/v1", "example.com, https://api.example.com/v1",
			"pr12.astronomer-dev.io, https://api.pr12.astronomer-dev.io/v1" })
	void mapsDomainsAsTheContractSays(String domain, String expected) {
		assertThat(BaseUrls.forDomain(domain, 9999)).isEqualTo(URI.create(expected));
	}

	@Test
	void plainHttpOnlyForLoopback() {
		BaseUrls.requireSecure(URI.create("http://127.0.0.1:8080/v1"));
		BaseUrls.requireSecure(URI.create("http://localhost/v1"));
		BaseUrls.requireSecure(URI.create("http://[::1]:80/v1"));
		BaseUrls.requireSecure(URI.create("https://api.example.com/v1"));
		assertThatThrownBy(() -> BaseUrls.requireSecure(URI.create("http://api.example.com/v1")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("only https");
		assertThatThrownBy(() -> BaseUrls.requireSecure(URI.create("http://10.0.0.1/v1")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ApiTarget(URI.create("http://localhost.example.com/v1"), "t"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void targetNeverShowsItsToken() {
		assertThat(new ApiTarget(URI.create("https://api.astronomer.io/v1"), "secret-value").toString())
			.doesNotContain("secret-value");
	}
}
