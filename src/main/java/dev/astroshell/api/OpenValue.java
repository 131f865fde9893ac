package dev.astroshell.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value of one of the API's enums, which Astro extends over time (the entity types grew from three to five): any
 * text the server sends is kept and shown as it is, so that a value this client does not know never fails a page.
 * Values compare by their text; the known ones are single instances, so comparing them is also safe with {@code ==}.
 */
public abstract sealed class OpenValue permits TokenScope, EntityType {

	private final String name;

	OpenValue(String name) {
		this.name = Objects.requireNonNull(name);
	}

	/** The value's known instance, else a new one holding the text. */
	static <T extends OpenValue> T of(List<T> known, String name, Function<String, T> unknown) {
		return known.stream().filter(k -> k.name().equals(name)).findFirst().orElseGet(() -> unknown.apply(name));
	}

	/** The text the API uses for this value, e.g. {@code DEPLOYMENT}. */
	@JsonValue
	public final String name() {
		return name;
	}

	@Override
	public final boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && ((OpenValue) other).name.equals(name);
	}

	@Override
	public final int hashCode() {
		return name.hashCode();
	}

	@Override
	public final String toString() {
		return name;
	}
}
