package dev.astroshell.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandNamesTest {

	final CommandNames names = new CommandNames(Map.of("deployment token list", List.of("de to ls"),
			"deployment token update", List.of(), "deployment list", List.of("deployments list")));

	@Test
	void aliasWordsServeEveryCommandUnderTheirPrefix() {
		assertThat(names.resolve(List.of("de", "to", "update", "--name", "x")))
			.containsExactly("deployment", "token", "update");
		assertThat(names.resolve(List.of("deployments", "list"))).containsExactly("deployment", "list");
		assertThat(names.resolve(List.of("de", "ls"))).as("ls means list only after 'deployment token'")
			.containsExactly("deployment");
		assertThat(names.nextWords("deployment")).containsExactly("list", "token");
		assertThat(names.wordAliases("deployment token list"))
			.isEqualTo(Map.of("deployment", List.of("de", "deployments"), "token", List.of("to"), "list", List.of("ls")));
	}

	@Test
	void didYouMeanCorrectsEachUnknownWord() {
		assertThat(names.correction(List.of("deploymnet", "tokn", "updte", "--name"))).contains("deployment token update");
		assertThat(names.correction(List.of("deployment", "list"))).isEqualTo(Optional.empty());
	}

	@Test
	void anAliasWithoutAWordForEachWordStopsTheStart() {
		assertThatThrownBy(() -> new CommandNames(Map.of("deployment list", List.of("dl"))))
			.hasMessageContaining("must have one word for each word of the name");
	}

}
