package dev.astroshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandHighlighter;

/** The typed command line is highlighted, unless NO_COLOR is set. */
@ShellTestContext
class TypedLineHighlightingTest {

	@Autowired
	LineReader reader;

	@Autowired
	CommandRegistry registry;

	@Test
	void theShellHighlightsTheTypedLine() {
		assertThat(reader.getHighlighter()).isInstanceOf(CommandHighlighter.class);
	}

	@Test
	void noColorTurnsTheHighlightingOff() throws Exception {
		String typed = "deployment list";
		assertThat(highlight(new MockEnvironment(), typed)).contains("\u001b[");
		String plain = highlight(new MockEnvironment().withProperty("NO_COLOR", "1"), typed);
		assertThat(plain).isEqualTo(typed);
		assertThat(highlight(new MockEnvironment().withProperty("NO_COLOR", ""), typed)).as("empty means unset")
			.contains("\u001b[");
	}

	/** {@code typed} as a line reader set up for {@code environment} shows it. */
	private String highlight(MockEnvironment environment, String typed) throws Exception {
		LineReader fresh = LineReaderBuilder.builder()
			.terminal(new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream()))
			.highlighter(new CommandHighlighter(registry))
			.build();
		new LineReaderSetup(fresh, environment);
		return fresh.getHighlighter().highlight(fresh, typed).toAnsi();
	}
}
