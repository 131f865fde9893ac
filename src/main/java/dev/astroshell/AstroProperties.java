package dev.astroshell;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The user-editable settings (top-level application.yml, prefix {@code astro}). Every default lives here, so the
 * shell runs the same from any working directory.
 */
@ConfigurationProperties("astro")
public record AstroProperties(@DefaultValue Api api, @DefaultValue Sandbox sandbox,
		@DefaultValue("false") boolean debug) {

	/**
	 * The API client.
	 * @param baseUrl overrides the domain → base URL rule for every context when set
	 * @param localhostPort the port of the {@code localhost} domain
	 * @param pageSize items asked per list page: by default the API's maximum (1000), so that a full read of 10,000
	 * items is 10 requests, not 500 of the API's default 20
	 * @param pageConcurrency how many further pages are fetched at once once the first tells the total
	 */
	public record Api(URI baseUrl, @DefaultValue("8888") int localhostPort,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration responseTimeout,
			@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration retryBackoff,
			@DefaultValue("5s") Duration maxRetryBackoff, @DefaultValue("" + MAX_PAGE_SIZE) int pageSize,
			@DefaultValue("4") int pageConcurrency) {

		/** The largest {@code limit} the API accepts (docs/api.md §1). */
		public static final int MAX_PAGE_SIZE = 1000;

		public Api {
			if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
				throw new IllegalArgumentException(
						"astro.api.page-size must be from 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
			}
			if (pageConcurrency < 1) {
				throw new IllegalArgumentException("astro.api.page-concurrency must be at least 1, not "
						+ pageConcurrency);
			}
		}
	}

	/**
	 * The built-in sandbox server.
	 * @param port the port of the in-process sandbox; 0 picks a free loopback port
	 * @param servePort the default port of {@code sandbox serve}
	 */
	public record Sandbox(@DefaultValue("0") int port, @DefaultValue("8888") int servePort,
			@DefaultValue Faults faults) {
	}

	/**
	 * Injected latency and failures, off by default.
	 * @param errorRate fraction (0–1) of requests answered with an error from {@code errorStatuses}
	 * @param dropRate fraction (0–1) of requests whose connection is closed without an answer
	 * @param loseAnswerRate fraction (0–1) of requests carried out whose answer is then lost (connection reset)
	 * @param retryAfter the Retry-After seconds sent with 429
	 * @param paths only requests whose path contains this text are affected; empty means all
	 * @param methods only these HTTP methods are affected; empty means all
	 */
	public record Faults(@DefaultValue("0ms") Duration latency, @DefaultValue("0") double errorRate,
			@DefaultValue("500,502,503,429") int[] errorStatuses, @DefaultValue("0") double dropRate,
			@DefaultValue("0") double loseAnswerRate, @DefaultValue("1") int retryAfter, @DefaultValue("") String paths,
			@DefaultValue("") String methods) {

		@ConstructorBinding
		public Faults {
		}

		/** Without lost answers. */
		public Faults(Duration latency, double errorRate, int[] errorStatuses, double dropRate, int retryAfter,
				String paths, String methods) {
			this(latency, errorRate, errorStatuses, dropRate, 0, retryAfter, paths, methods);
		}
	}
}
