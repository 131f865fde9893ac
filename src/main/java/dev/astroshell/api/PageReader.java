package dev.astroshell.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

	/** Told how many items are in as pages arrive, out of the total the first page announced. */
	@FunctionalInterface
	public interface Listener {
		void fetched(int items, int total);
	}

	private PageReader() {
	}

	public static <T> Mono<List<T>> readAll(PageFetcher<T> fetcher, int pageSize, int concurrency) {
		return readAll(fetcher, pageSize, concurrency, (items, total) -> {
		});
	}

	public static <T> Mono<List<T>> readAll(PageFetcher<T> fetcher, int pageSize, int concurrency, Listener listener) {
		return fetcher.fetch(0, pageSize).flatMap(first -> {
			int total = first.totalCount();
			AtomicInteger fetched = new AtomicInteger(first.items().size());
			listener.fetched(fetched.get(), total);
			if (first.items().size() >= total || first.items().isEmpty()) {
				return Mono.just(first.items());
			}
			int pages = (total + pageSize - 1) / pageSize;
			return Flux.fromStream(IntStream.range(1, pages).boxed())
				.flatMapSequential(page -> fetcher.fetch(page * pageSize, pageSize)
					.doOnNext(p -> listener.fetched(fetched.addAndGet(p.items().size()), total)),
						Math.max(1, concurrency))
				.reduce(new ArrayList<>(first.items()), (all, page) -> {
					all.addAll(page.items());
					return all;
				})
				.map(List::copyOf);
		});
	}
}
