package dev.astroshell.prompt;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The switch commands' one rule: named by ID or name, else picked (current one selected), else an error. */
class ChoicesTest {

	record Item(String id, String name) {
	}

	static final Choices.Kind<Item> ORGANIZATION = new Choices.Kind<>("organization", Item::id, Item::name,
			i -> i.name() + "  " + i.id());

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
			.satisfies(s -> assertThat(s.options()).containsExactly("Alpha  o-1", "Beta  o-2  (current)", "Beta  o-3"))
			.satisfies(s -> assertThat(s.initial()).isEqualTo(1));
		prompter.verifyAllConsumed();
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
