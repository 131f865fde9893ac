package dev.astroshell.api;

import java.util.List;

/** One page of a list call: its items and the counters every paginated answer carries. */
public interface Page<T> {

	List<T> items();

	int offset();

	int limit();

	int totalCount();
}
