package dev.astroshell.shell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.astroshell.cli.ProgressLine;
import dev.astroshell.cli.TerminalText;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The core's {@link ProgressLine} on the JLine terminal, after {@code astro.shell.progress-delay} (300 ms): {@code \r},
 * the line, erase to the end of the line; the spinner in cyan unless {@code NO_COLOR} is set.
 */
@Component
public class TerminalProgress extends ProgressLine {

	public TerminalProgress(Terminal terminal, ObjectProvider<LineReader> reader, Environment environment,
			@Value("${astro.shell.progress-delay:300ms}") Duration delay) {
		super(new JLineScreen(terminal, reader, TerminalText.colourEnabled(environment.getProperty("NO_COLOR")),
				new AtomicReference<>()), delay);
	}

	/** @param previous the interrupt handler that {@link #trapInterrupt} replaced, for {@link #releaseInterrupt} */
	private record JLineScreen(Terminal terminal, ObjectProvider<LineReader> reader, boolean colour,
			AtomicReference<Terminal.SignalHandler> previous) implements Screen {

		/** {@code \r} and erase-to-end-of-line: what {@code TERM=dumb} (and a pipe, which JLine makes dumb) lacks. */
		@Override
		public boolean canRedrawLine() {
			return !terminal.getType().startsWith(Terminal.TYPE_DUMB)
					&& terminal.getStringCapability(Capability.carriage_return) != null
					&& terminal.getStringCapability(Capability.clr_eol) != null;
		}

		@Override
		public int width() {
			return terminal.getWidth();
		}

		@Override
		public boolean unicode() {
			return StandardCharsets.UTF_8.equals(terminal.encoding());
		}

		@Override
		public void drawLine(String spinner, String text) {
			terminal.puts(Capability.carriage_return);
			AttributedStyle spinnerStyle = colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)
					: AttributedStyle.DEFAULT;
			terminal.writer().print(new AttributedString(spinner, spinnerStyle).toAnsi(terminal) + " " + text);
			terminal.puts(Capability.clr_eol);
			terminal.flush();
		}

		@Override
		public void eraseLine() {
			terminal.puts(Capability.carriage_return);
			terminal.puts(Capability.clr_eol);
			terminal.flush();
		}

		@Override
		public Runnable trapInterrupt(Runnable handler) {
			Terminal.SignalHandler outer = terminal.handle(Terminal.Signal.INT, signal -> handler.run());
			previous.set(outer);
			boolean isDefault = outer == null || outer == Terminal.SignalHandler.SIG_DFL
					|| outer == Terminal.SignalHandler.SIG_IGN;
			return isDefault ? null : () -> outer.handle(Terminal.Signal.INT);
		}

		@Override
		public void releaseInterrupt() {
			terminal.handle(Terminal.Signal.INT, previous.get());
		}

		@Override
		public void redrawInput() {
			LineReaderSetup.redrawWhileReading(reader, typing -> {
			});
		}
	}

}
