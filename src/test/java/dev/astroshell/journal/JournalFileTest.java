package dev.astroshell.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The journal's file on its own, in a temp directory: numbering, the cap, its mode, and a damaged file. */
class JournalFileTest {

	static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

	@TempDir
	Path dir;

	/** As the application's mapper is: indented, which must not split an entry over lines. */
	final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void entriesAreNumberedInOrderAndReadBackAsWritten() throws IOException {
		JournalFile file = new JournalFile(dir.resolve("state/journal.jsonl"), json);

		JournalEntry first = file.append(entry("t1"));
		JournalEntry second = file.append(entry("t2"));

		assertThat(first.id()).isEqualTo(1);
		assertThat(second.id()).isEqualTo(2);
		assertThat(new JournalFile(file.path(), json).read()).containsExactly(first, second);
		assertThat(Files.readAllLines(file.path())).hasSize(2);
	}

	@Test
	void theFileAndItsDirectoryAreTheOwnersOnlyAndNoTempFileIsLeft() throws IOException {
		JournalFile file = new JournalFile(dir.resolve("state/journal.jsonl"), json);

		file.append(entry("t1"));

		assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(file.path().getParent()))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		try (var listing = Files.list(file.path().getParent())) {
			assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("journal.jsonl");
		}
	}

	@Test
	void itKeepsTheLastThousandEntries() throws IOException {
		Path path = dir.resolve("journal.jsonl");
		Files.writeString(path, LongStream.rangeClosed(1, JournalFile.MAX_ENTRIES)
			.mapToObj(id -> json.writer().without(SerializationFeature.INDENT_OUTPUT)
				.writeValueAsString(entry("t" + id).numbered(id)))
			.collect(Collectors.joining("\n", "", "\n")));
		JournalFile file = new JournalFile(path, json);

		JournalEntry newest = file.append(entry("new"));

		List<JournalEntry> entries = new JournalFile(path, json).read();
		assertThat(entries).hasSize(1000);
		assertThat(entries.get(0).id()).as("the oldest went").isEqualTo(2);
		assertThat(newest.id()).isEqualTo(1001);
		assertThat(entries.get(999)).isEqualTo(newest);
	}

	@Test
	void aDamagedFileIsReportedWithItsLineAndNeverOverwritten() throws IOException {
		Path path = dir.resolve("journal.jsonl");
		JournalFile file = new JournalFile(path, json);
		file.append(entry("t1"));
		String good = Files.readString(path);
		Files.writeString(path, good + "{\"id\": 2, \"at\": \n");

		CliException read = catchThrowableOfType(CliException.class, file::read);
		CliException append = catchThrowableOfType(CliException.class, () -> file.append(entry("t2")));

		assertThat(read.getMessage()).startsWith("the change journal " + path + " is damaged (line 2: ")
			.endsWith("): move it away to start a new one")
			.doesNotContain("\n");
		assertThat(append).hasMessage(read.getMessage());
		assertThat(Files.readString(path)).isEqualTo(good + "{\"id\": 2, \"at\": \n");
	}

	@Test
	void entriesOutOfOrderOrWithoutTheirFieldsAreDamage() throws IOException {
		Path path = dir.resolve("journal.jsonl");
		JournalFile file = new JournalFile(path, json);
		file.append(entry("t1"));
		file.append(entry("t2"));
		List<String> lines = Files.readAllLines(path);
		Files.writeString(path, lines.get(1) + "\n" + lines.get(0) + "\n");

		assertThat(catchThrowableOfType(CliException.class, file::read))
			.hasMessageContaining("(line 2: not an entry of this journal)");

		Files.writeString(path, "[]\n");
		assertThat(catchThrowableOfType(CliException.class, file::read)).hasMessageContaining("(line 1: ");
	}

	@Test
	void noFileIsAnEmptyJournal() {
		assertThat(new JournalFile(dir.resolve("none/journal.jsonl"), json).read()).isEmpty();
	}

	/** An update, with the token as it left it, which held a secret: only the snapshot's fields are kept. */
	static JournalEntry entry(String tokenName) {
		ApiToken left = new ApiToken("id-" + tokenName, tokenName, "", TokenScope.DEPLOYMENT, null, null, null, null,
				AT, null, null, null, null, null, null, List.of(TokenRole.deployment("d1", "DAG_RUNNER")),
				"secret-" + tokenName);
		return new JournalEntry(0, AT, "sandbox", "org", "Sandbox Org", left.id(), tokenName, TokenScope.DEPLOYMENT,
				Action.UPDATE, "d1", List.of(new Change("role", "DEPLOYMENT_ADMIN", "DAG_RUNNER", Outcome.DONE)),
				Outcome.DONE, null, null, JournalEntry.Snapshot.of(left));
	}
}
