package dev.astroshell.api;

import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Makes an {@link AstroApi} bound to one base URL and credential; the session rebinds on every context change. */
@Component
public class AstroApiFactory {

	private final WebClient.Builder builder;

	private final JsonMapper json;

	private final AstroProperties properties;

	public AstroApiFactory(WebClient.Builder builder, JsonMapper json, AstroProperties properties) {
		this.builder = builder;
		this.json = json;
		this.properties = properties;
	}

	public AstroApi create(ApiTarget target) {
		return new WebClientAstroApi(builder, json, properties.api(), target, userAgent());
	}

	static String userAgent() {
		return "astro-shell/" + version();
	}

	/** The build's version (from the jar's manifest; "dev" when run from classes). */
	public static String version() {
		String version = AstroApiFactory.class.getPackage().getImplementationVersion();
		return version == null ? "dev" : version;
	}
}
