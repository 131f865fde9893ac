package dev.astroshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.reader.LineReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.shell.core.command.CommandRegistry;

/** The typed command line is highlighted, unless NO_COLOR is set. */
@ShellTestContext
class TypedLineHighlighterTest {

	@Autowired
	LineReader reader;

	@Autowired
	CommandRegistry registry;

	@Test
	void theShellHighlightsWithIt() {
		assertThat(reader.getHighlighter()).isInstanceOf(TypedLineHighlighter.class);
	}

	@Test
	void noColorTurnsTheHighlightingOff() {
		String typed = "deployment list";
		assertThat(highlight(new MockEnvironment(), typed)).contains("\u001b[");
		String plain = highlight(new MockEnvironment().withProperty("NO_COLOR", "1"), typed);
		assertThat(plain).isEqualTo(typed);
		assertThat(highlight(new MockEnvironment().withProperty("NO_COLOR", ""), typed)).as("empty means unset")
			.contains("\u001b[");
	}

	private String highlight(MockEnvironment environment, String typed) {
		return new TypedLineHighlighter(registry, environment).highlight(reader, typed).toAnsi();
	}
}
