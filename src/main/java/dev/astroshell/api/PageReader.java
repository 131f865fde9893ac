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
		return pages(fetcher, pageSize, concurrency, listener).reduce(new ArrayList<T>(), (all, page) -> {
			all.addAll(page);
			return all;
		}).map(List::copyOf);
	}

	/**
	 * The pages' items in order, each as soon as it and those before it arrived: for output streamed as it comes.
	 * {@code listener} hears of every page as it arrives (in any order).
	 */
	public static <T> Flux<List<T>> pages(PageFetcher<T> fetcher, int pageSize, int concurrency, Listener listener) {
		return fetcher.fetch(0, pageSize).flatMapMany(first -> {
			int total = first.totalCount();
			AtomicInteger fetched = new AtomicInteger(first.items().size());
			listener.fetched(fetched.get(), total);
			if (first.items().size() >= total || first.items().isEmpty()) {
				return Flux.just(first.items());
			}
			int pages = (total + pageSize - 1) / pageSize;
			return Flux.concat(Mono.just(first.items()), Flux.fromStream(IntStream.range(1, pages).boxed())
				.flatMapSequential(page -> fetcher.fetch(page * pageSize, pageSize)
					.doOnNext(p -> listener.fetched(fetched.addAndGet(p.items().size()), total)),
						Math.max(1, concurrency))
				.map(Page::items));
		});
	}
}
