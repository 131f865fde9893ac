package dev.astroshell.prompt;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line prompts of a dumb terminal, answered by scripted lines. */
class LinePromptsTest {

	final StringWriter screen = new StringWriter();

	final List<String> prompts = new ArrayList<>();

	LinePrompts answering(String... lines) {
		Deque<String> answers = new ArrayDeque<>(Arrays.asList(lines));
		return new LinePrompts(new PrintWriter(screen), prompt -> {
			prompts.add(prompt);
			return answers.poll();
		});
	}

	@Test
	void selectListsNumberedOptionsAndAsksAgainUntilANumberInRange() {
		int chosen = answering("x", "0", "3", "2").select("Pick one:", List.of("alpha", "beta", "gamma"), 0);
		assertThat(chosen).isEqualTo(2);
		assertThat(screen.toString()).startsWith("Pick one:\n  1. alpha\n  2. beta\n  3. gamma\n")
			.contains("Type a number from 1 to 3");
		assertThat(prompts).hasSize(3).containsOnly("> [1] ");
	}

	@Test
	void anEmptyAnswerKeepsThePreselectedOptionAsEnterDoesInTheSelector() {
		int chosen = answering("").select("Role:", List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER (current)"), 1);
		assertThat(chosen).isEqualTo(1);
		assertThat(prompts).containsExactly("> [2] ");
	}

	@Test
	void confirmTakesYesNoOrTheDefault() {
		assertThat(answering("").confirm("Sure?", true)).isTrue();
		assertThat(answering("").confirm("Sure?", false)).isFalse();
		assertThat(answering("maybe", "YES").confirm("Sure?", false)).isTrue();
		assertThat(answering("n").confirm("Sure?", true)).isFalse();
		assertThat(prompts).contains("Sure? [Y/n] ", "Sure? [y/N] ");
	}

	@Test
	void inputShowsAndKeepsTheDefault() {
		assertThat(answering("").input("Name: ", "ci")).isEqualTo("ci");
		assertThat(answering("other").input("Name: ", "ci")).isEqualTo("other");
		assertThat(prompts).contains("Name: [ci] ");
	}

	@Test
	void endOfInputCancels() {
		assertThatThrownBy(() -> answering().select("Pick one:", List.of("alpha"), 0))
			.isInstanceOf(PromptCancelledException.class);
		assertThatThrownBy(() -> answering().confirm("Sure?", true)).isInstanceOf(PromptCancelledException.class);
	}

}
