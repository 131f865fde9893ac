package dev.astroshell.prompt;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Renderer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The switch commands' one rule: named by ID or name, else picked (current one selected), else an error. */
class ChoicesTest {

	record Item(String id, String name) {
	}

	static final Choices.Kind<Item> ORGANIZATION = new Choices.Kind<>("organization", Item::id, Item::name,
			i -> new String[] { i.name(), i.id() }, 0);

	static final List<Item> ITEMS = List.of(new Item("o-1", "Alpha"), new Item("o-2", "Beta"), new Item("o-3", "Beta"));

	private final ScriptedPrompter prompter = new ScriptedPrompter();

	/** A list that must not be read. */
	private static final Supplier<List<Item>> UNREAD = () -> {
		throw new AssertionError("list read although not needed");
	};

	@Test
	void aGivenIdOrUniqueNameIsTakenWithoutReadingThePickerList() {
		assertThat(Choices.namedOrPicked(prompter, ORGANIZATION, " o-2 ", () -> ITEMS, UNREAD, null).id())
			.isEqualTo("o-2");
		assertThat(Choices.namedOrPicked(prompter, ORGANIZATION, "Alpha", () -> ITEMS, UNREAD, null).id())
			.isEqualTo("o-1");
		prompter.verifyAllConsumed();
	}

	@Test
	void nothingGivenPicksWithTheCurrentOneSelected() {
		prompter.expectSelect("Select an Organization:", 2);
		assertThat(Choices.namedOrPicked(prompter, ORGANIZATION, null, UNREAD, () -> ITEMS, "o-2").id())
			.isEqualTo("o-3");
		assertThat(prompter.shown()).singleElement()
			.satisfies(s -> assertThat(s.options()).containsExactly("Alpha  o-1", "Beta   o-2  (current)", "Beta   o-3"))
			.satisfies(s -> assertThat(s.initial()).isEqualTo(1));
		prompter.verifyAllConsumed();
	}

	@Test
	void aPickersColumnsLineUpAcrossTheRowsAndGiveWayAtTheTerminalsWidth() {
		List<Item> items = List.of(new Item("c-1", "x"), new Item("c-22", "a much longer name"), new Item("c-3", "mid"));
		RowsPrompter rows = new RowsPrompter(2);
		Choices.namedOrPicked(rows, ORGANIZATION, null, UNREAD, () -> items, "c-1");
		assertThat(rows.shown).containsExactly(
				new String[] { "a much longer name", "c-22" }, new String[] { "mid", "c-3" },
				new String[] { "x", "c-1", "(current)" });
		assertThat(rows.shrinkColumn).as("the name gives way, the ID stays whole").isZero();
		assertThat(rows.aligned()).containsExactly("a much longer name  c-22", "mid                 c-3",
				"x                   c-1   (current)");
		assertThat(Choices.byIdOrName(rows, ORGANIZATION, "Beta", ITEMS).id()).isEqualTo("o-3");
		assertThat(rows.aligned()).as("several of one name: a row each, the IDs lined up")
			.containsExactly("Beta  o-2", "Beta  o-3");
	}

	/** Records the rows it is given, and picks row {@code pick}. */
	private static final class RowsPrompter extends ScriptedPrompter {

		private final int pick;

		List<String[]> shown;

		int shrinkColumn = -1;

		RowsPrompter(int pick) {
			this.pick = pick;
		}

		@Override
		public int select(String title, List<String[]> rows, int shrinkColumn, int initial) {
			this.shown = rows;
			this.shrinkColumn = shrinkColumn;
			return Math.min(pick, rows.size() - 1);
		}

		List<String> aligned() {
			return Renderer.align(shown);
		}
	}

	@Test
	void withOnlyOneToChooseNothingIsAsked() {
		assertThat(Choices.namedOrPicked(prompter, ORGANIZATION, null, UNREAD, () -> List.of(ITEMS.get(0)), "o-1").id())
			.isEqualTo("o-1");
		assertThat(prompter.shown()).isEmpty();
	}

	@Test
	void nothingGivenWithoutATerminalAsksForTheIdOrName() {
		prompter.nonInteractive();
		assertThatThrownBy(() -> Choices.namedOrPicked(prompter, ORGANIZATION, " ", UNREAD, UNREAD, null))
			.isInstanceOf(NotInteractiveException.class)
			.hasMessage("missing NAME_OR_ID: give an organization's ID or name");
	}

	@Test
	void aSharedNameWithoutATerminalListsTheIds() {
		prompter.nonInteractive();
		assertThatThrownBy(() -> Choices.namedOrPicked(prompter, ORGANIZATION, "Beta", () -> ITEMS, UNREAD, null))
			.isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
			.hasMessageContaining("o-2, o-3");
	}

}
