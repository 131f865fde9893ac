package dev.astroshell.api;

import java.net.URI;
import java.util.Objects;

/** Where a client talks to and with which bearer token. {@link #toString()} never shows the token. */
public record ApiTarget(URI baseUrl, String bearerToken) {

	public ApiTarget {
		Objects.requireNonNull(baseUrl, "baseUrl");
		BaseUrls.requireSecure(baseUrl);
	}

	@Override
	public String toString() {
		return "ApiTarget[" + baseUrl + "]";
	}
}
