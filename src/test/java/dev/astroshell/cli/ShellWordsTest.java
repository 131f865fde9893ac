package dev.astroshell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {

	@ParameterizedTest
	@ValueSource(strings = { "plain", "Token one", "say \"hi\"", "it's", "back\\slash", "tab\there" })
	void aQuotedWordSplitsBackToItself(String word) {
		assertThat(ShellWords.split("--name " + ShellWords.quote(word, true))).isEqualTo(List.of("--name", word));
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "--name=value", "etl-prod_2" })
	void aWordWithoutSpacesOrQuotesStaysAsItIs(String word) {
		assertThat(ShellWords.quote(word, true)).isEqualTo(word);
	}

	@Test
	void anOpenQuoteLeavesTheWordOpenForTyping() {
		assertThat(ShellWords.quote("Token one", false)).isEqualTo("\"Token one");
	}
}
