package dev.astroshell.session;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a token comes from when the terminal cannot mask it. */
class LoginTokenInputTest {

	/** A person is there, but their terminal echoes what is typed (TERM=dumb). */
	private final Prompter echoingTerminal = new Prompter() {

		@Override
		public boolean isInteractive() {
			return true;
		}

		@Override
		public String secret(String prompt) {
			throw new NotInteractiveException("this terminal (TERM=dumb) cannot hide a secret as it is typed");
		}

		@Override
		public int select(String title, List<String> options, int initial) {
			throw new AssertionError("not asked");
		}

		@Override
		public boolean confirm(String question, boolean defaultAnswer) {
			throw new AssertionError("not asked");
		}

		@Override
		public String input(String prompt, String defaultValue) {
			throw new AssertionError("not asked");
		}
	};

	@Test
	void aTerminalThatCannotMaskTheTokenIsToldTheOtherWaysToGiveIt() {
		assertThatThrownBy(() -> new LoginTokenInput(echoingTerminal).read(null, "example.com"))
			.isInstanceOf(NotInteractiveException.class)
			.hasMessage("this terminal (TERM=dumb) cannot hide a secret as it is typed: pass --token-file PATH"
					+ " or set ASTRO_API_TOKEN (tokens are never taken as options)");
	}

}
