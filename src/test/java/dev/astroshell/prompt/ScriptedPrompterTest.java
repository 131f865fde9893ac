package dev.astroshell.prompt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptedPrompterTest {

	final ScriptedPrompter prompter = new ScriptedPrompter();

	@Test
	void answersExpectedPromptsInOrderAndRecordsThem() {
		prompter.expectSelect("Pick:", List.of("a", "b"), "b").expectConfirm("Sure?", true).expectSecret("Token:", "t");
		assertThat(prompter.select("Pick:", List.of("a", "b"), 0)).isEqualTo(1);
		assertThat(prompter.confirm("Sure?", false)).isTrue();
		assertThat(prompter.secret("Token:")).isEqualTo("t");
		prompter.verifyAllConsumed();
		assertThat(prompter.shown()).extracting(ScriptedPrompter.Shown::title).containsExactly("Pick:", "Sure?", "Token:");
	}

	@Test
	void anUnexpectedPromptFailsNowAndAtVerification() {
		prompter.expectConfirm("Sure?", true);
		assertThatThrownBy(() -> prompter.select("Pick:", List.of("a"), 0)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("unexpected prompt SELECT 'Pick:'");
		assertThatThrownBy(prompter::verifyAllConsumed).isInstanceOf(AssertionError.class);
	}

	@Test
	void unconsumedExpectationsFailVerification() {
		prompter.expectInput("Name:", "x");
		assertThatThrownBy(prompter::verifyAllConsumed).hasMessageContaining("INPUT 'Name:'");
	}

	@Test
	void offeredOptionsAreChecked() {
		prompter.expectSelect("Pick:", List.of("a", "b"), "b");
		assertThatThrownBy(() -> prompter.select("Pick:", List.of("a", "c"), 0)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("offered [a, c]");
	}

	@Test
	void cancelAndNonInteractive() {
		prompter.expectCancel(ScriptedPrompter.Kind.CONFIRM, "Sure?");
		assertThatThrownBy(() -> prompter.confirm("Sure?", true)).isInstanceOf(PromptCancelledException.class);
		prompter.verifyAllConsumed();

		prompter.nonInteractive();
		assertThat(prompter.isInteractive()).isFalse();
		assertThatThrownBy(() -> prompter.input("Name:", null)).isInstanceOf(AssertionError.class);
	}

}
