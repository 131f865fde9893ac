package dev.astroshell.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sorting and pagination of list answers (docs/api.md §1): {@code offset} ≥ 0 (default 0), {@code limit} 0–1000 (default
 * 20), repeated {@code sorts=field:asc|desc}; answers {@code {<items>, offset, limit, totalCount}}.
 * @param <T> the listed document
 */
final class Listing<T> {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 1000;

	private final Map<String, Comparator<T>> sortKeys = new LinkedHashMap<>();

	private final Comparator<T> tieBreak;

	/** @param id the unique key, the last sort key so that pages are stable */
	Listing(Function<T, String> id) {
		this.tieBreak = Comparator.comparing(id);
	}

	/** Makes {@code field} a valid sort key, comparing text fields without regard to case. */
	Listing<T> sortable(String field, Function<T, String> value) {
		sortKeys.put(field, Comparator.comparing(value, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
		return this;
	}

	/**
	 * The page the call asks for.
	 * @param itemsKey the name of the items array, e.g. {@code tokens}
	 * @param defaultOrder the order when no {@code sorts} are given
	 */
	Map<String, Object> page(Call call, String itemsKey, List<T> items, Comparator<T> defaultOrder) {
		return page(call, itemsKey, items, defaultOrder, Map.of());
	}

	/** As {@link #page(Call, String, List, Comparator)}, with extra top-level fields after the items. */
	Map<String, Object> page(Call call, String itemsKey, List<T> items, Comparator<T> defaultOrder,
			Map<String, Object> extra) {
		Request request = request(call, sortKeys.keySet());
		Comparator<T> order = request.sorts().isEmpty() ? defaultOrder : request.sorts().stream().map(sort -> {
			Comparator<T> key = sortKeys.get(sort.field());
			return sort.descending() ? key.reversed() : key;
		}).reduce(Comparator::thenComparing).orElseThrow();
		List<T> sorted = items.stream().sorted(order.thenComparing(tieBreak)).toList();
		Object page = sorted.subList(Math.min(request.offset(), sorted.size()),
				(int) Math.min((long) request.offset() + request.limit(), sorted.size()));
		return answer(itemsKey, page, extra, request, sorted.size());
	}

	/** One {@code sorts} entry. */
	record Sort(String field, boolean descending) {
	}

	/** What a list call asks for: a page and its order ({@code sorts} empty for the endpoint's default order). */
	record Request(int offset, int limit, List<Sort> sorts) {
	}

	/**
	 * Validates {@code offset}, {@code limit} and {@code sorts} (by one of {@code sortable}: any other sort is a 400,
	 * as the v1 definition lists each list's sort keys); a 400 names each.
	 */
	static Request request(Call call, Collection<String> sortable) {
		FieldChecks checks = new FieldChecks();
		int offset = intParam(call, "offset", 0, 0, Integer.MAX_VALUE, checks);
		int limit = intParam(call, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT, checks);
		List<Sort> sorts = new ArrayList<>();
		for (String sort : call.params("sorts")) {
			String[] parts = sort.split(":", -1);
			if (checks.check(sortable.contains(parts[0]) && parts.length == 2
					&& (parts[1].equals("asc") || parts[1].equals("desc")), "sort", "sorts",
					"sorts must be field:asc or field:desc with field one of " + sortable)) {
				sorts.add(new Sort(parts[0], parts[1].equals("desc")));
			}
		}
		checks.throwIfAny();
		return new Request(offset, limit, List.copyOf(sorts));
	}

	/**
	 * The answer {@code {<items>, <extra>..., offset, limit, totalCount}}.
	 * @param items the page's items: a list, or a {@link tools.jackson.databind.util.RawValue} JSON array
	 */
	static Map<String, Object> answer(String itemsKey, Object items, Map<String, Object> extra, Request request,
			int totalCount) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put(itemsKey, items);
		answer.putAll(extra);
		answer.put("offset", request.offset());
		answer.put("limit", request.limit());
		answer.put("totalCount", totalCount);
		return answer;
	}

	private static int intParam(Call call, String name, int defaultValue, int min, int max, FieldChecks checks) {
		String raw = call.param(name).orElse(null);
		if (raw == null || raw.isEmpty()) {
			return defaultValue;
		}
		try {
			int value = Integer.parseInt(raw);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, like an out-of-range number
		}
		checks.fail("range", name, name + " must be an integer from " + min
				+ (max == Integer.MAX_VALUE ? " up" : " to " + max));
		return defaultValue;
	}
}
