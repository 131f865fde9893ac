package dev.astroshell.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.Ref;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigStoreTest {

	@TempDir
	Path dir;

	@Test
	void roundTripsContextsWithNonAsciiNames() {
		ConfigStore store = new ConfigStore(dir.resolve("astro-shell/config.yaml"));
		Saved saved = new Saved("astronomer.io", "tok", new Ref("o1", "Équipe \"données\""), new Ref("w1", null),
				new Ref("d1", "etl prod"));
		store.update(c -> c.with(saved, true));
		SavedConfig loaded = new ConfigStore(store.file()).load();
		assertThat(loaded.current()).isEqualTo("astronomer.io");
		assertThat(loaded.context("astronomer.io")).isEqualTo(saved);
	}

	@Test
	void fileIsPrivateAndNoTempFileIsLeft() throws Exception {
		ConfigStore store = new ConfigStore(dir.resolve("config.yaml"));
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config.yaml",
					"config.yaml.lock");
		}
	}

	@Test
	void damagedFileIsIgnoredNotFatal() throws Exception {
		Files.writeString(dir.resolve("config.yaml"), "contexts: [unclosed");
		assertThat(new ConfigStore(dir.resolve("config.yaml")).load()).isEqualTo(SavedConfig.EMPTY);
	}

	@Test
	void concurrentWritersLoseNothing() throws Exception {
		Path file = dir.resolve("config.yaml");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String domain = "domain" + i + ".example.com";
			// separate store objects, as two shells would have
			writes.add(pool.submit(() -> new ConfigStore(file)
				.update(c -> c.with(new Saved(domain, "t", new Ref("o", "Org"), null, null), false))));
		}
		for (Future<?> w : writes) {
			w.get();
		}
		pool.shutdown();
		assertThat(new ConfigStore(file).load().contexts()).hasSize(40);
	}
}
