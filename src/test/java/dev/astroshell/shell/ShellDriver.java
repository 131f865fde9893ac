package dev.astroshell.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

import org.springframework.context.ApplicationContext;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Test helper over the application's shell beans: run a command line as the REPL would, run something on another
 * thread while keys are typed, complete a line as Tab would. Comes with {@link VirtualTerminal.Config}.
 */
public class ShellDriver {

	private final ApplicationContext context;

	ShellDriver(ApplicationContext context) {
		this.context = context;
	}

	/** What a command printed and its exit code. */
	public record Result(int exitCode, String out, String err) {

		public List<String> errLines() {
			return err.lines().toList();
		}
	}

	/** Runs a line as typed in the REPL, capturing its output. */
	public Result run(String line) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = context.getBean(ShellExecutor.class)
			.execute(line, ShellExecutor.Streams.of(new PrintWriter(out), new PrintWriter(err)), null);
		return new Result(code, out.toString(), err.toString());
	}

	/**
	 * Runs a one-shot run's arguments ({@code deployment list -o json}, {@code @FILE}, {@code --help}) through the
	 * runner, as {@code main} does on stdout and stderr, capturing its output. Not a REPL, so never a prompt.
	 */
	public Result runArguments(String... arguments) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = context.getBean(ShellRunner.class)
			.run(List.of(arguments), ShellExecutor.Streams.of(new PrintWriter(out), new PrintWriter(err)));
		return new Result(code, out.toString(), err.toString());
	}

	/** Runs {@code action} on another thread (e.g. a prompt waiting for keys). */
	public <T> CompletableFuture<T> async(Callable<T> action) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return action.call();
			}
			catch (Exception e) {
				throw new CompletionException(e);
			}
		});
	}

	/** The key sequence the terminal sends for a key, e.g. {@code key(Capability.key_down)}. */
	public String key(Capability capability) {
		return KeyMap.key(context.getBean(Terminal.class), capability);
	}

	/** The candidate values Tab would offer at the end of {@code line} (JLine then filters them by the word typed). */
	public List<String> complete(String line) {
		return candidates(line).stream().map(Candidate::value).toList();
	}

	/** The candidates Tab would offer at the end of {@code line}, with what the menu shows of them. */
	public List<Candidate> candidates(String line) {
		LineReader reader = context.getBean(LineReader.class);
		List<Candidate> candidates = new ArrayList<>();
		context.getBean(CommandCompleter.class)
			.complete(reader, context.getBean(Parser.class).parse(line, line.length(), Parser.ParseContext.COMPLETE),
					candidates);
		return candidates;
	}

}
