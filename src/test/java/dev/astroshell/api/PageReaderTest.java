package dev.astroshell.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page: the first one alone (it tells totalCount), then the rest at most {@code concurrency} at a time. */
class PageReaderTest {

	record NumbersPage(List<Integer> items, int offset, int limit, int totalCount) implements Page<Integer> {
	}

	record Pending(int offset, int limit, Sinks.One<NumbersPage> sink) {
	}

	@Test
	void firstPageAloneThenTheRestConcurrentlyButBounded() {
		int total = 23;
		List<Integer> offsets = Collections.synchronizedList(new ArrayList<>());
		List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
		PageReader.PageFetcher<Integer> fetcher = (offset, limit) -> {
			offsets.add(offset);
			if (offset == 0) {
				return Mono.just(page(offset, limit, total));
			}
			Sinks.One<NumbersPage> sink = Sinks.one();
			pending.add(new Pending(offset, limit, sink));
			return sink.asMono();
		};

		var result = PageReader.readAll(fetcher, 5, 2).toFuture();
		assertThat(offsets).as("the first page told the total: two more asked at once, not four").containsExactly(0, 5,
				10);
		int maxInFlight = pending.size();
		while (!result.isDone()) {
			maxInFlight = Math.max(maxInFlight, pending.size());
			Pending next = pending.remove(0);
			next.sink().tryEmitValue(page(next.offset(), next.limit(), total));
		}
		assertThat(result.join()).containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
		assertThat(offsets).containsExactly(0, 5, 10, 15, 20);
		assertThat(maxInFlight).isEqualTo(2);
	}

	@Test
	void onePageIsOneRequest() {
		AtomicInteger calls = new AtomicInteger();
		List<Integer> all = PageReader.<Integer>readAll((offset, limit) -> {
			calls.incrementAndGet();
			return Mono.just(page(offset, limit, 3));
		}, 100, 4).block(Duration.ofSeconds(5));
		assertThat(all).containsExactly(0, 1, 2);
		assertThat(calls).hasValue(1);
	}

	@Test
	void theListenerCountsItemsAsPagesArriveInAnyOrder() {
		List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
		List<String> told = Collections.synchronizedList(new ArrayList<>());
		var result = PageReader.<Integer>readAll((offset, limit) -> {
			if (offset == 0) {
				return Mono.just(page(offset, limit, 12));
			}
			Sinks.One<NumbersPage> sink = Sinks.one();
			pending.add(new Pending(offset, limit, sink));
			return sink.asMono();
		}, 5, 2, (items, total) -> told.add(items + "/" + total)).toFuture();
		assertThat(told).containsExactly("5/12");
		Pending last = pending.get(1);
		last.sink().tryEmitValue(page(last.offset(), last.limit(), 12));
		Pending middle = pending.get(0);
		middle.sink().tryEmitValue(page(middle.offset(), middle.limit(), 12));
		assertThat(told).containsExactly("5/12", "7/12", "12/12");
		assertThat(result.join()).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
	}

	@Test
	void pagesComeInOrderEachAsSoonAsItAndThoseBeforeItArrived() {
		List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
		List<List<Integer>> seen = Collections.synchronizedList(new ArrayList<>());
		PageReader.<Integer>pages((offset, limit) -> {
			if (offset == 0) {
				return Mono.just(page(offset, limit, 12));
			}
			Sinks.One<NumbersPage> sink = Sinks.one();
			pending.add(new Pending(offset, limit, sink));
			return sink.asMono();
		}, 5, 2, (items, total) -> {
		}).subscribe(seen::add);

		assertThat(seen).as("the first page, before the others answered").containsExactly(List.of(0, 1, 2, 3, 4));
		Pending second = pending.get(0);
		Pending third = pending.get(1);
		third.sink().tryEmitValue(page(third.offset(), third.limit(), 12));
		assertThat(seen).as("the third waits for the second").hasSize(1);
		second.sink().tryEmitValue(page(second.offset(), second.limit(), 12));
		assertThat(seen).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), List.of(10, 11));
	}

	private static NumbersPage page(int offset, int limit, int total) {
		return new NumbersPage(IntStream.range(offset, Math.min(offset + limit, total)).boxed().toList(), offset, limit,
				total);
	}

}
