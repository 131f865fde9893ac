package dev.astroshell.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads every page of a list call: the first page tells the total, the rest are fetched concurrently (bounded). */
public final class PageReader {

	/** One page request: offset and limit to a page. */
	@FunctionalInterface
	public interface PageFetcher<T> {
		Mono<? extends Page<T>> fetch(int offset, int limit);
	}

	private PageReader() {
	}

	public static <T> Mono<List<T>> readAll(PageFetcher<T> fetcher, int pageSize, int concurrency) {
		return fetcher.fetch(0, pageSize).flatMap(first -> {
			int total = first.totalCount();
			if (first.items().size() >= total || first.items().isEmpty()) {
				return Mono.just(first.items());
			}
			int pages = (total + pageSize - 1) / pageSize;
			return Flux.fromStream(IntStream.range(1, pages).boxed())
				.flatMapSequential(page -> fetcher.fetch(page * pageSize, pageSize), Math.max(1, concurrency))
				.reduce(new ArrayList<>(first.items()), (all, page) -> {
					all.addAll(page.items());
					return all;
				})
				.map(List::copyOf);
		});
	}
}
