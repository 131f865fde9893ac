package dev.astroshell.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.Progress;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.cli.Progress.Task;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How {@link TerminalProgress} draws on different terminals; the shell-level behaviour is in ProgressLineTest. */
class TerminalProgressTest {

	static final String ESC = "\u001b";

	final ByteArrayOutputStream output = new ByteArrayOutputStream();

	Terminal terminal;

	TerminalProgress progress;

	/** How long a task waits before its line shows: none, so that the tests that draw need not wait. */
	Duration delay = Duration.ZERO;

	@AfterEach
	void close() throws IOException {
		progress.close();
		terminal.close();
	}

	@Test
	void aDumbTerminalGetsNoLineAtAll() throws IOException {
		progress = on("dumb", StandardCharsets.UTF_8, 80, new MockEnvironment());
		Task task = progress.start("fetching tokens");
		assertThat(task).isSameAs(Task.NONE);
		task.close();
		assertThat(drawn()).isEmpty();
	}

	@Test
	void aLineInColourThenErased() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment());
		Task task = progress.start("updating token");
		awaitDrawn("⠋" + ESC + "[0m updating token…" + ESC + "[K");
		assertThat(drawn()).startsWith("\r" + ESC + "[36m⠋");
		task.close();
		awaitDrawn("\r" + ESC + "[K");
		assertThat(drawn()).endsWith("…" + ESC + "[K\r" + ESC + "[K");
	}

	@Test
	void noColourMeansPlainTextAndOnlyTheCursorControlItNeeds() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		try (Task task = progress.start(new Label("fetching tokens of etl-prod", "tokens of etl-prod"))) {
			task.update(1000, 12500);
			awaitDrawn("fetched 1,000 of 12,500 tokens of etl-prod");
		}
		awaitDrawn("etl-prod" + ESC + "[K\r" + ESC + "[K");
		assertThat(drawn().replace("\r", "").replace(ESC + "[K", "")).doesNotContain(ESC)
			.startsWith("⠋ fetched 1,000 of 12,500 tokens of etl-prod");
	}

	@Test
	void outputWrittenWhileATaskGoesOnNeverSharesALineWithIt() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		try (Task task = progress.start("fetching tokens")) {
			awaitDrawn("fetching tokens…" + ESC + "[K");
			task.whileHidden(() -> {
				terminal.writer().print("row 1\n");
				terminal.flush();
			});
			awaitDrawn("row 1");
			assertThat(drawn()).as("the line was erased before the row")
				.contains("fetching tokens…" + ESC + "[K\r" + ESC + "[Krow 1");
		}
	}

	@Test
	void aNarrowTerminalGetsTheLineCutSoThatItNeverWraps() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 20, new MockEnvironment().withProperty("NO_COLOR", "1"));
		try (Task task = progress.start("fetching tokens of a deployment with a long name")) {
			awaitDrawn("\r⠋ fetching tokens…" + ESC + "[K");
		}
	}

	@Test
	void withoutUtf8TheSpinnerIsAscii() throws IOException {
		progress = on("xterm-256color", StandardCharsets.ISO_8859_1, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		try (Task task = progress.start("deleting token")) {
			awaitDrawn("\r| deleting token..." + ESC + "[K");
		}
	}

	@Test
	void ctrlCErasesTheLineAtOnceAndGoesToTheHandlerInPlaceWhichComesBackAfter() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		List<Terminal.Signal> handled = new CopyOnWriteArrayList<>();
		Terminal.SignalHandler outer = handled::add;
		terminal.handle(Terminal.Signal.INT, outer);
		try (Task task = progress.start("fetching tokens")) {
			awaitDrawn("fetching tokens…");
			terminal.raise(Terminal.Signal.INT);
			awaitDrawn("…" + ESC + "[K\r" + ESC + "[K");
			assertThat(handled).containsExactly(Terminal.Signal.INT);
		}
		assertThat(terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL)).isSameAs(outer);
	}

	@Test
	void shuttingDownMidWaitErasesTheLine() throws IOException {
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		progress.start("fetching tokens");
		awaitDrawn("fetching tokens…");
		progress.close();
		awaitDrawn("…" + ESC + "[K\r" + ESC + "[K");
	}

	@Test
	void aWaitThatEndsBeforeTheDelayDrawsNothing() throws IOException {
		delay = Duration.ofMinutes(1);
		progress = on("xterm-256color", StandardCharsets.UTF_8, 80, new MockEnvironment().withProperty("NO_COLOR", "1"));
		progress.start("quick").close();
		assertThat(drawn()).isEmpty();
	}

	private TerminalProgress on(String type, Charset encoding, int width, MockEnvironment environment)
			throws IOException {
		OutputStream sink = new OutputStream() {

			@Override
			public void write(int b) {
				synchronized (output) {
					output.write(b);
				}
			}
		};
		terminal = TerminalBuilder.builder()
			.system(false)
			.streams(new ByteArrayInputStream(new byte[0]), sink)
			.type(type)
			.encoding(encoding)
			.size(new Size(width, 10))
			.build();
		return new TerminalProgress(terminal, new DefaultListableBeanFactory().getBeanProvider(LineReader.class),
				environment, delay);
	}

	private String drawn() {
		synchronized (output) {
			return output.toString(terminal.encoding());
		}
	}

	private void awaitDrawn(String text) {
		await().atMost(Duration.ofSeconds(10)).until(() -> drawn().contains(text));
	}

}
