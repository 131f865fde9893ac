package dev.astroshell.session;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.astroshell.session.SessionContext.Ref;

/**
 * What {@code config.yaml} holds: the saved contexts keyed by domain and which one is current.
 * @param current the domain of the current context, or null when nothing was ever saved
 */
public record SavedConfig(String current, Map<String, Saved> contexts) {

	public static final SavedConfig EMPTY = new SavedConfig(null, Map.of());

	public SavedConfig {
		contexts = Map.copyOf(contexts);
	}

	/** One saved context; {@code token} is null for the sandbox (its development token is not stored). */
	public record Saved(String domain, String token, Ref organization, Ref workspace, Ref deployment) {
		@Override
		public String toString() {
			return "Saved[domain=" + domain + ", organization=" + organization + ", workspace=" + workspace
					+ ", deployment=" + deployment + "]";
		}
	}

	public Saved context(String domain) {
		return contexts.get(domain);
	}

	public SavedConfig with(Saved saved, boolean makeCurrent) {
		Map<String, Saved> next = new LinkedHashMap<>(contexts);
		next.put(saved.domain(), saved);
		return new SavedConfig(makeCurrent ? saved.domain() : current, next);
	}
}
