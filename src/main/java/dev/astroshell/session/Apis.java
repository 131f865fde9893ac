package dev.astroshell.session;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.PageReader;
import dev.astroshell.api.PageReader.PageFetcher;
import dev.astroshell.cli.Progress;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Blocking helpers over the reactive client, for commands that run one at a time on the shell's thread. Every wait
 * is a {@link Progress.Task} of the progress the running command was given ({@link #showingWaitsOn}); its request
 * labels it ({@link ApiWaitLabels}).
 */
public final class Apis {

	static final Progress.Label WAITING = Progress.Label.of("waiting for the Astro API");

	private static final ThreadLocal<Progress> PROGRESS = ThreadLocal.withInitial(() -> Progress.NONE);

	private Apis() {
	}

	/**
	 * Runs {@code body} with the waits of this thread shown on {@code progress}; the shell wraps each command in it.
	 * Other threads (completion, background work) show nothing unless they are wrapped too.
	 */
	public static <T> T showingWaitsOn(Progress progress, Callable<T> body) throws Exception {
		Progress outer = PROGRESS.get();
		PROGRESS.set(progress);
		try {
			return body.call();
		}
		finally {
			PROGRESS.set(outer);
		}
	}

	public static <T> T await(Mono<T> call) {
		try (Progress.Task task = PROGRESS.get().start(WAITING)) {
			return call.contextWrite(labelling(task)).block();
		}
	}

	/** Every item of a list endpoint, with the page size and concurrency of the settings. */
	public static <T> List<T> readAll(AstroProperties.Api settings, PageFetcher<T> fetcher) {
		try (Progress.Task task = PROGRESS.get().start(WAITING)) {
			return PageReader.readAll(fetcher, settings.pageSize(), settings.pageConcurrency(), task::update)
				.contextWrite(labelling(task))
				.block();
		}
	}

	/** Lets {@link ApiWaitLabels} tell the task what its requests are. */
	private static Context labelling(Progress.Task task) {
		return Context.of(Progress.Task.class, task);
	}

	/**
	 * Every page of a list endpoint, handed to {@code page} in order on the calling thread as soon as it arrived, so
	 * that output can be written while the later pages are still on their way (with the progress line out of its way;
	 * {@code page} flushes what it writes).
	 */
	public static <T> void forEachPage(AstroProperties.Api settings, PageFetcher<T> fetcher, Consumer<List<T>> page) {
		try (Progress.Task task = PROGRESS.get().start(WAITING);
				Stream<List<T>> pages = PageReader
					.pages(fetcher, settings.pageSize(), settings.pageConcurrency(), task::update)
					.contextWrite(labelling(task))
					.toStream()) {
			pages.forEach(items -> task.whileHidden(() -> page.accept(items)));
		}
	}
}
