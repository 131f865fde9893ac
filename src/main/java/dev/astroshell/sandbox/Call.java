package dev.astroshell.sandbox;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One API request as a handler sees it: the request, its whole body, and typed access to its parameters. */
record Call(ServerRequest request, String body, JsonMapper json) {

	String path(String name) {
		return request.pathVariable(name);
	}

	Optional<String> param(String name) {
		return request.queryParam(name);
	}

	List<String> params(String name) {
		return request.queryParams().getOrDefault(name, List.of());
	}

	/** A {@code true}/{@code false} query parameter; anything else is a 400. */
	boolean flag(String name) {
		return param(name).map(value -> switch (value.toLowerCase()) {
			case "true" -> true;
			case "false", "" -> false;
			default -> throw ApiError.invalid(
					List.of(new ApiError.FieldError("boolean", name, name + " must be true or false")));
		}).orElse(false);
	}

	/** The value after {@code Bearer } in the Authorization header, or null. */
	String bearer() {
		String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}

	/** The body as a JSON object; malformed JSON, an empty body or a non-object is a 400. */
	JsonNode jsonObject() {
		JsonNode node;
		try {
			node = body.isBlank() ? null : json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest("Invalid request: the body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw ApiError.badRequest("Invalid request: the body must be a JSON object");
		}
		return node;
	}
}
