package dev.astroshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Failure;
import dev.astroshell.cli.RunMode;
import dev.astroshell.session.Session;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * Replaces 4.0.1's runner, which ignores arguments in interactive mode, exits 0 on failures in non-interactive mode
 * and leaves the REPL on Ctrl-C. Shell's runner is {@code @ConditionalOnMissingBean(ApplicationRunner)}, so this bean
 * switches it off.
 * <ul>
 * <li>no arguments on a terminal: the REPL (Ctrl-C gives a fresh prompt; {@code exit}, {@code quit}, Ctrl-D leave;
 * a failing command never ends it), also on a terminal without cursor control ({@code TERM=dumb});</li>
 * <li>no arguments with stdin not a terminal: the lines of stdin, as a script;</li>
 * <li>{@code @FILE}: the lines of FILE, as a script (blank lines and {@code #} comments skipped; stops at the first
 * failure with its exit code, reported as {@code Error: FILE:LINE: message});</li>
 * <li>{@code --help}/{@code -h} and {@code --version}: words of the {@code help} and {@code version} commands (also in
 * the REPL);</li>
 * <li>other arguments: that one command, with its exit code.</li>
 * </ul>
 * {@code --debug} anywhere in the arguments turns on details for failures. With
 * {@code astro.shell.runner.enabled=false} (tests, see src/test/resources/config/application.properties) it does
 * nothing; it stays a bean even then, or Shell's own runner would start a REPL.
 */
@Component
public class ShellRunner implements ApplicationRunner, ExitCodeGenerator {

	private final ShellExecutor executor;

	private final ShellMode mode;

	private final LineReader lineReader;

	private final PromptProvider promptProvider;

	private final Session session;

	private final boolean enabled;

	private volatile int exitCode;

	public ShellRunner(ShellExecutor executor, ShellMode mode, LineReader lineReader, PromptProvider promptProvider,
			Session session, @Value("${astro.shell.runner.enabled:true}") boolean enabled) {
		this.session = session;
		this.executor = executor;
		this.enabled = enabled;
		this.mode = mode;
		this.lineReader = lineReader;
		this.promptProvider = promptProvider;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!enabled) {
			return;
		}
		exitCode = run(List.of(arguments.getSourceArgs()), ShellExecutor.Streams.of(
				new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
	}

	/**
	 * What the process's arguments ask for, on {@code std}; returns the exit code. Package-private for the tests that
	 * run one-shot commands and scripts in-process.
	 */
	int run(List<String> arguments, ShellExecutor.Streams std) {
		List<String> words = new ArrayList<>(arguments);
		if (words.removeIf("--debug"::equals)) {
			mode.enableDebug();
		}
		if (words.size() == 1 && words.get(0).startsWith("@")) {
			Path file = Path.of(words.get(0).substring(1));
			try {
				Iterator<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).iterator();
				return runScript(() -> lines.hasNext() ? lines.next() : null, file.toString(), std);
			}
			catch (IOException e) {
				std.err().println(Failure.errorLine("cannot read script " + file));
				return ExitCodes.USAGE;
			}
		}
		if (!words.isEmpty()) {
			return executor.execute(words, std);
		}
		if (mode.isPipedInput()) {
			lineReader.variable(LineReader.DISABLE_HISTORY, true);
			return runScript(this::stdinLine, "stdin", std);
		}
		repl();
		return ExitCodes.OK;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** The interactive loop; package-private for the tests that drive it on a virtual terminal. */
	void repl() {
		mode.startRepl();
		Terminal terminal = lineReader.getTerminal();
		if (terminal instanceof DumbTerminal && RunMode.consoleIsTerminal()) {
			// TERM=dumb leaves the tty in cooked mode: Ctrl-C would reach the JVM as SIGINT and end the shell (exit
			// 130); typed on a tty, it goes to the terminal's handlers as on a full one. Piped input keeps the default.
			Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
		}
		if (!(terminal instanceof DumbTerminal) && (terminal.getWidth() == 0 || terminal.getHeight() == 0)) {
			// a pty with no window size reports 0x0, on which the line reader echoes nothing and never returns a line
			terminal.setSize(new Size(80, 24));
		}
		PrintWriter writer = terminal.writer();
		ShellExecutor.Streams streams = new ShellExecutor.Streams(writer, writer, new JLineInputReader(lineReader));
		session.greeting().forEach(writer::println);
		writer.flush();
		try {
			while (true) {
				String line;
				try {
					line = lineReader.readLine(SessionPromptProvider.render(promptProvider.getPrompt(), terminal));
				}
				catch (UserInterruptException e) {
					continue;
				}
				catch (EndOfFileException e) {
					return;
				}
				String trimmed = line.strip();
				if (trimmed.equals("exit") || trimmed.equals("quit")) {
					return;
				}
				if (trimmed.isEmpty()) {
					continue;
				}
				// Ctrl-C while a command runs stops that command, not the JVM (the default SIGINT action)
				Thread runner = Thread.currentThread();
				Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.interrupt());
				try {
					executor.execute(trimmed, streams, null);
				}
				catch (RuntimeException | Error e) {
					// the REPL outlives any command, even a broken one
					streams.err().println(Failure.errorLine(executor.failureOf(e).message()));
					streams.err().flush();
				}
				finally {
					terminal.handle(Terminal.Signal.INT, previous);
					Thread.interrupted();
				}
			}
		}
		finally {
			mode.endRepl();
		}
	}

	/** Runs the lines {@code next} gives (null: the end); a failure is reported as {@code name:LINE: message}. */
	private int runScript(Supplier<String> next, String name, ShellExecutor.Streams streams) {
		int number = 0;
		for (String raw = next.get(); raw != null; raw = next.get()) {
			String line = raw.strip();
			number++;
			if (line.equals("exit") || line.equals("quit")) {
				break;
			}
			int code = line.isEmpty() || line.startsWith("#") ? ExitCodes.OK
					: executor.execute(line, streams, name + ":" + number);
			if (code != ExitCodes.OK) {
				return code;
			}
		}
		return ExitCodes.OK;
	}

	/** A line of piped stdin, read through JLine (which owns stdin) without a prompt; null at its end. */
	private String stdinLine() {
		try {
			return lineReader.readLine();
		}
		catch (EndOfFileException | UserInterruptException e) {
			return null;
		}
	}

}
