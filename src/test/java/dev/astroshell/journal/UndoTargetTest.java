package dev.astroshell.journal;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which entry undo reverts: the newest reversible one of this context, not already undone; the others named. */
class UndoTargetTest {

	@Test
	void writesThatDidNotEndAsAskedAreListedButPassedOver() {
		List<JournalEntry> entries = List.of(update(1, "sandbox", Outcome.DONE, null),
				update(2, "sandbox", Outcome.UNKNOWN, "the update of t may have happened"),
				update(3, "sandbox", Outcome.NOT_DONE_CONFIRMED, "the token t was not changed"),
				update(4, "sandbox", Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER, "the role change failed"));

		Undo.Target target = Undo.target(entries, "sandbox", "org");

		assertThat(target.entry().id()).isEqualTo(1);
		assertThat(target.passedOver()).containsExactly(
				"Entry 4 (update of t) cannot be undone: it did not end as asked (DONE_CONFIRMED_AFTER_LOST_ANSWER): "
						+ "only changes carried out are reverted",
				"Entry 3 (update of t) cannot be undone: it did not end as asked (NOT_DONE_CONFIRMED): "
						+ "only changes carried out are reverted",
				"Entry 2 (update of t) cannot be undone: it did not end as asked (UNKNOWN): "
						+ "only changes carried out are reverted");
	}

	@Test
	void onlyTheCurrentContextsEntriesCount() {
		List<JournalEntry> entries = List.of(update(1, "sandbox", Outcome.DONE, null),
				update(2, "astronomer.io", Outcome.DONE, null));

		assertThat(Undo.target(entries, "sandbox", "org").entry().id()).isEqualTo(1);
		assertThat(catchThrowableOfType(CliException.class, () -> Undo.target(entries, "localhost", "org")))
			.hasMessage("nothing to undo: the journal holds no change made in this context");
	}

	@Test
	void anEntryAlreadyUndoneIsPassedOverWhenItsUndoCannotBeUndone() {
		JournalEntry create = entry(1, Action.CREATE, Outcome.DONE, null, null);
		JournalEntry deletion = entry(2, Action.DELETE, Outcome.DONE, null, 1L);
		JournalEntry older = update(0, "sandbox", Outcome.DONE, null);

		CliException nothing = catchThrowableOfType(CliException.class,
				() -> Undo.target(List.of(create, deletion), "sandbox", "org"));
		Undo.Target target = Undo.target(List.of(older, create, deletion), "sandbox", "org");

		assertThat(nothing).hasMessage(
				"nothing to undo. Entry 2 (delete of t) cannot be undone: a deleted token cannot be brought back");
		assertThat(target.entry()).isEqualTo(older);
	}

	@Test
	void anUpdateThatChangedNothingIsPassedOverRatherThanAskingForARole() {
		JournalEntry change = update(1, "sandbox", Outcome.DONE, null);
		JournalEntry empty = entry(2, Action.UPDATE, Outcome.DONE, null, null);

		Undo.Target target = Undo.target(List.of(change, empty), "sandbox", "org");

		assertThat(target.entry()).isEqualTo(change);
		assertThat(target.passedOver()).containsExactly("Entry 2 (update of t) cannot be undone: it changed nothing");
	}

	@Test
	void aFailedUndoDoesNotCountAsUndone() {
		JournalEntry change = update(1, "sandbox", Outcome.DONE, null);
		JournalEntry failedUndo = entry(2, Action.UPDATE, Outcome.NOT_DONE_CONFIRMED, "refused", 1L);

		assertThat(Undo.target(List.of(change, failedUndo), "sandbox", "org").entry()).isEqualTo(change);
	}

	@Test
	void withoutTheTokenAsTheWriteLeftItTheRoleOnTheEntrysOwnEntityIsChecked() {
		JournalEntry e = new JournalEntry(1, JournalFileTest.AT, "sandbox", "org", "Org", "t-id", "t",
				TokenScope.WORKSPACE, Action.UPDATE, EntityType.WORKSPACE, "w1",
				List.of(new Change("role", "WORKSPACE_MEMBER", "WORKSPACE_AUTHOR", Outcome.DONE)), Outcome.DONE, null,
				null, null);

		assertThat(Undo.changedSince(e, withRoles(new TokenRole(EntityType.WORKSPACE, "w1", "WORKSPACE_OPERATOR", null))))
			.containsExactly("role: WORKSPACE_AUTHOR -> WORKSPACE_OPERATOR");
		assertThat(Undo.changedSince(e, withRoles(new TokenRole(EntityType.WORKSPACE, "w1", "WORKSPACE_AUTHOR", null),
				new TokenRole(EntityType.WORKSPACE, "w2", "WORKSPACE_OWNER", null))))
			.as("a role on another workspace is not this entry's")
			.isEmpty();
	}

	private static ApiToken withRoles(TokenRole... roles) {
		return new ApiToken("t-id", "t", null, TokenScope.WORKSPACE, null, null, null, null, JournalFileTest.AT, null,
				null, null, null, null, null, List.of(roles), null);
	}

	private static JournalEntry update(long id, String domain, Outcome outcome, String error) {
		return new JournalEntry(id, JournalFileTest.AT, domain, "org", "Org", "t-id", "t", TokenScope.DEPLOYMENT,
				Action.UPDATE, EntityType.DEPLOYMENT, "d1", List.of(new Change("role", "A", "B", outcome)), outcome, error,
				null, null);
	}

	private static JournalEntry entry(long id, Action write, Outcome outcome, String error, Long undoOf) {
		return new JournalEntry(id, JournalFileTest.AT, "sandbox", "org", "Org", "t-id", "t", TokenScope.DEPLOYMENT,
				write, EntityType.DEPLOYMENT, "d1", List.of(), outcome, error, undoOf, null);
	}
}
