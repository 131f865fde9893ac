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
		return pages(fetcher, pageSize, concurrency).reduce(new ArrayList<T>(), (all, page) -> {
			all.addAll(page);
			return all;
		}).map(List::copyOf);
	}

	/** The pages' items in order, each as soon as it and those before it arrived: for output streamed as it comes. */
	public static <T> Flux<List<T>> pages(PageFetcher<T> fetcher, int pageSize, int concurrency) {
		return fetcher.fetch(0, pageSize).flatMapMany(first -> {
			int total = first.totalCount();
			if (first.items().size() >= total || first.items().isEmpty()) {
				return Flux.just(first.items());
			}
			int pages = (total + pageSize - 1) / pageSize;
			return Flux.concat(Mono.just(first.items()), Flux.fromStream(IntStream.range(1, pages).boxed())
				.flatMapSequential(page -> fetcher.fetch(page * pageSize, pageSize), Math.max(1, concurrency))
				.map(Page::items));
		});
	}
}
