package dev.astroshell;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full reads ask for the API's largest page by default; a page size the API would refuse is refused at start. */
class AstroPropertiesTest {

	static AstroProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("astro", Bindable.of(AstroProperties.class));
	}

	@Test
	void pagesAreAsLargeAsTheApiAllowsAndFourAreFetchedAtOnce() {
		AstroProperties.Api api = bind(Map.of()).api();
		assertThat(api.pageSize()).isEqualTo(1000);
		assertThat(api.pageConcurrency()).isEqualTo(4);
		assertThat(bind(Map.of("astro.api.page-size", "250")).api().pageSize()).isEqualTo(250);
	}

	@Test
	void aPageSizeBeyondTheApiLimitIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("astro.api.page-size", "1001"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessage("astro.api.page-size must be from 1 to 1000, not 1001");
		assertThatThrownBy(() -> bind(Map.of("astro.api.page-concurrency", "0"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessage("astro.api.page-concurrency must be at least 1, not 0");
	}
}
