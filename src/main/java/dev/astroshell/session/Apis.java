package dev.astroshell.session;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.PageReader;
import dev.astroshell.api.PageReader.PageFetcher;

import reactor.core.publisher.Mono;

/** Blocking helpers over the reactive client, for commands that run one at a time on the shell's thread. */
public final class Apis {

	private Apis() {
	}

	public static <T> T await(Mono<T> call) {
		return call.block();
	}

	/** Every item of a list endpoint, with the page size and concurrency of the settings. */
	public static <T> List<T> readAll(AstroProperties.Api settings, PageFetcher<T> fetcher) {
		return PageReader.readAll(fetcher, settings.pageSize(), settings.pageConcurrency()).block();
	}

	/**
	 * Every page of a list endpoint, handed to {@code page} in order on the calling thread as soon as it arrived, so
	 * that output can be written while the later pages are still on their way.
	 */
	public static <T> void forEachPage(AstroProperties.Api settings, PageFetcher<T> fetcher, Consumer<List<T>> page) {
		try (Stream<List<T>> pages = PageReader.pages(fetcher, settings.pageSize(), settings.pageConcurrency())
			.toStream()) {
			pages.forEach(page);
		}
	}
}
