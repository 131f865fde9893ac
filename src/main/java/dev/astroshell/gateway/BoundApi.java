package dev.astroshell.gateway;

import java.net.URI;

import dev.astroshell.api.AstroApi;

/** The client of the current context, and the organization and base URL it is bound to. */
public interface BoundApi {

	AstroApi api();

	String organizationId();

	/** Where the requests go, e.g. {@code https://api.astronomer.io/v1}: a preview shows their paths under it. */
	URI baseUrl();
}
