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

	@ParameterizedTest
	@CsvSource({ "http://2130706433/v1", "https://2130706433/v1", "http://127.1/v1", "http://0x7f.0.0.1/v1",
			"http://0177.0.0.1/v1", "http://127.0.0.256/v1" })
	void refusesNumericHostsTheConnectorWouldResolveAsNames(String baseUrl) {
		assertThatThrownBy(() -> BaseUrls.requireSecure(URI.create(baseUrl)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("refusing base URL " + baseUrl + ": '")
			.hasMessageContaining("write an IPv4 address as four decimal numbers");
	}

	@Test
	void oneParserForLoopbackAndNames() {
		assertThat(Host.parse("LocalHost")).isEqualTo(new Host("localhost", Host.Kind.NAME));
		assertThat(Host.parse("127.0.0.1").isLoopback()).isTrue();
		assertThat(Host.parse("[::1]").isLoopback()).isTrue();
		assertThat(Host.parse("[::ffff:127.0.0.1]").isLoopback()).isTrue();
		assertThat(Host.parse("128.0.0.1").isLoopback()).isFalse();
		assertThat(Host.parse("localhost.example.com").isLoopback()).isFalse();
		assertThat(Host.parse("api.astronomer.io").kind()).isEqualTo(Host.Kind.NAME);
		assertThatThrownBy(() -> Host.parse("exa mple.com")).hasMessage("'exa mple.com' is not a valid host name");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"http://192.0.2.1 | 'http://192.0.2.1' is a URL, not a domain",
			"192.0.2.1 | '192.0.2.1' is an IP address, not a domain",
			"astronomer.io/v1 | 'astronomer.io/v1' is not a domain",
			"astronomer.io:8443 | 'astronomer.io:8443' is a host with a port, which only a loopback host takes" })
	void refusesWhatIsNotADomainInOneLine(String domain, String start) {
		assertThatThrownBy(() -> BaseUrls.forDomain(domain, 9999)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage(start + ": give a host name such as astronomer.io, localhost or sandbox"
					+ " (set astro.api.base-url for a URL)");
	}

	/** What the HTTP client would refuse later in its own words ("Bad authority", "port out of range:99999"). */
	@ParameterizedTest
	@CsvSource({ "http://localhost:-1/v1, localhost:-1", "http://localhost:99999/v1, localhost:99999",
			"https://api.example.com:0/v1, api.example.com:0" })
	void refusesAnAuthorityThatIsNotAHostWithAPort(String baseUrl, String authority) {
		assertThatThrownBy(() -> new ApiTarget(URI.create(baseUrl), "t")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("refusing base URL " + baseUrl + ": '" + authority
					+ "' is not a host with an optional port from 1 to 65535");
	}

	@Test
	void aLoopbackAddressWithAPortIsTakenAsLocalhostIs() {
		assertThat(BaseUrls.forDomain("127.0.0.1:19150", 9999)).isEqualTo(URI.create("http://127.0.0.1:19150/v1"));
		assertThat(BaseUrls.forDomain("[::1]:19150", 9999)).isEqualTo(URI.create("http://[::1]:19150/v1"));
		assertThat(BaseUrls.forDomain("127.0.0.1", 9999)).isEqualTo(URI.create("http://127.0.0.1:9999/v1"));
		assertThatThrownBy(() -> BaseUrls.forDomain("127.0.0.1:0", 9999))
			.hasMessageStartingWith("'127.0.0.1:0' is 127.0.0.1 with a port out of range (1-65535): give a host");
		assertThatThrownBy(() -> BaseUrls.forDomain("192.0.2.1:8080", 9999))
			.hasMessageStartingWith("'192.0.2.1:8080' is a host with a port, which only a loopback host takes");
	}

	@Test
	void localhostTakesOnlyAPortThatExists() {
		assertThat(BaseUrls.forDomain("localhost:65535", 9999)).isEqualTo(URI.create("http://localhost:65535/v1"));
		for (String domain : new String[] { "localhost:0", "localhost:99999" }) {
			assertThatThrownBy(() -> BaseUrls.forDomain(domain, 9999))
				.hasMessageStartingWith("'" + domain + "' is localhost with a port out of range (1-65535): give a host");
		}
	}

	@Test
	void targetNeverShowsItsToken() {
		assertThat(new ApiTarget(URI.create("https://api.astronomer.io/v1"), "secret-value").toString())
			.doesNotContain("secret-value");
	}
}
