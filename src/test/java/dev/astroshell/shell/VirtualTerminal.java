package dev.astroshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.awaitility.core.ConditionTimeoutException;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;

import static org.awaitility.Awaitility.await;

/**
 * A virtual tty behind the shell's JLine {@code Terminal}: tests type keys into it and read what was drawn, ANSI
 * stripped. Import {@link Config} into a {@code @SpringBootTest}; see {@link ShellDriver} for running commands and
 * completing lines on it.
 * <p>
 * Type keys only once the UI waits for them ({@link #awaitScreen}): until a component enters raw mode the pty's line
 * discipline turns {@code \r} into {@code \n}, which no component binds.
 */
public class VirtualTerminal {

	static final int WIDTH = 100;

	static final int HEIGHT = 30;

	private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final InputStream input = new InputStream() {

		@Override
		public int read() {
			try {
				return keys.take();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			int c = read();
			if (c < 0) {
				return -1;
			}
			buffer[offset] = (byte) c;
			return 1;
		}
	};

	/** The shell's terminal on this tty, once the context has made it. */
	private volatile Terminal terminal;

	/**
	 * Types text or key sequences (see {@link ShellDriver#key}). An Enter waits for raw mode first: a component can
	 * draw its question before it enters raw mode, and a {@code \r} read before that becomes {@code \n}.
	 */
	public void type(String text) {
		Terminal shown = terminal;
		if (shown != null && text.indexOf('\r') >= 0) {
			try {
				await().atMost(Duration.ofSeconds(2))
					.until(() -> !shown.getAttributes().getInputFlag(Attributes.InputFlag.ICRNL));
			}
			catch (ConditionTimeoutException cooked) {
				// a reader that never enters raw mode reads lines as they are typed
			}
		}
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			keys.add(b & 0xff);
		}
	}

	/** Everything drawn since the last {@link #clear()}, without ANSI sequences. */
	public String screen() {
		synchronized (output) {
			return AttributedString.stripAnsi(output.toString(StandardCharsets.UTF_8));
		}
	}

	/** Everything drawn since the last {@link #clear()}, exactly as the terminal received it. */
	public String raw() {
		synchronized (output) {
			return output.toString(StandardCharsets.UTF_8);
		}
	}

	public void clear() {
		synchronized (output) {
			output.reset();
		}
	}

	/** Waits (up to 10 s) until {@code text} has been drawn. */
	public void awaitScreen(String text) {
		await().atMost(Duration.ofSeconds(10)).until(() -> screen().contains(text));
	}

	/**
	 * The screen as a terminal of that size shows it once everything drawn since the last {@link #clear()} has been
	 * played on it: what is left after the cursor moves and redraws, one string a row, trailing blanks stripped.
	 */
	public List<String> screenAt(int columns, int rows) {
		ScreenTerminal screen = new ScreenTerminal(columns, rows);
		synchronized (output) {
			screen.write(output.toString(StandardCharsets.UTF_8));
		}
		return screen.toString().lines().map(String::stripTrailing).toList();
	}

	/**
	 * Waits (up to 10 s) until a row of the screen, as {@link #screenAt} shows it, contains {@code text}: for what a
	 * component redraws in place, which the stream holds only in pieces.
	 */
	public void awaitDisplayed(String text, int columns) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> screenAt(columns, 30).stream().anyMatch(row -> row.contains(text)));
	}

	/**
	 * What the screen shows now: everything drawn replayed on a VT100 emulator of the same size, so that a line drawn
	 * and then erased is gone. Trailing blanks are stripped from each line.
	 */
	public String visible() {
		return String.join("\n", screenAt(WIDTH, HEIGHT)).strip();
	}

	private OutputStream outputStream() {
		return new OutputStream() {

			@Override
			public void write(int b) {
				synchronized (output) {
					output.write(b);
				}
			}

			@Override
			public void write(byte[] b, int off, int len) {
				synchronized (output) {
					output.write(b, off, len);
				}
			}
		};
	}

	/** Puts the shell's Terminal on a {@link VirtualTerminal} (100x30, xterm-256color unless told) and adds a {@link ShellDriver}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		VirtualTerminal virtualTerminal() {
			return new VirtualTerminal();
		}

		/** {@code test.terminal.type} gives another terminal type, e.g. {@code dumb}. */
		@Bean
		TerminalCustomizer virtualTerminalCustomizer(VirtualTerminal tty,
				@Value("${test.terminal.type:xterm-256color}") String type) {
			return builder -> builder.system(false)
				.streams(tty.input, tty.outputStream())
				.type(type)
				.size(new Size(WIDTH, HEIGHT));
		}

		@Bean
		SmartInitializingSingleton virtualTerminalSeesItsTerminal(VirtualTerminal tty, ObjectProvider<Terminal> terminal) {
			return () -> tty.terminal = terminal.getIfAvailable();
		}

		@Bean
		ShellDriver shellDriver(org.springframework.context.ApplicationContext context) {
			return new ShellDriver(context);
		}

	}

}
