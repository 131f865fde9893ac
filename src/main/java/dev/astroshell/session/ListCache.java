package dev.astroshell.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.context.event.EventListener;

/**
 * A short-lived cache of lists read from the API, so that Tab completion and pickers do not wait on the network
 * twice for the same list. Cleared on every context change; writes invalidate the keys they affect.
 */
public class ListCache {

	private record Entry(Instant loadedAt, Object value) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	public ListCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/** The value loaded less than the lifetime ago, else {@code loader}'s, kept from now on. */
	public <T> T get(String key, Supplier<T> loader) {
		T cached = peek(key);
		if (cached != null) {
			return cached;
		}
		Instant now = clock.instant();
		T value = loader.get();
		entries.put(key, new Entry(now, value));
		return value;
	}

	/** The value loaded less than the lifetime ago, or null: never loads. */
	@SuppressWarnings("unchecked")
	public <T> T peek(String key) {
		Entry e = entries.get(key);
		return e != null && e.loadedAt().plus(ttl).isAfter(clock.instant()) ? (T) e.value() : null;
	}

	public void put(String key, Object value) {
		entries.put(key, new Entry(clock.instant(), value));
	}

	/** Drops every entry whose key starts with {@code prefix}. */
	public void invalidate(String prefix) {
		entries.keySet().removeIf(k -> k.startsWith(prefix));
	}

	@EventListener
	public void onSessionChanged(SessionChangedEvent event) {
		entries.clear();
	}
}
