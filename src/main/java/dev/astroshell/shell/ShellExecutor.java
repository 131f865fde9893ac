package dev.astroshell.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

import dev.astroshell.api.ApiException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Failure;
import dev.astroshell.cli.InertWriter;
import dev.astroshell.cli.Progress;
import dev.astroshell.gateway.Waits;
import dev.astroshell.prompt.PromptCancelledException;
import dev.astroshell.session.Session;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.availability.Availability;
import org.springframework.stereotype.Component;

/**
 * Runs one command line and turns its outcome into an exit code, the same way for the REPL, one-shot runs, scripts
 * and tests. Failures print one line, {@code Error: <message>}, on {@code err}; with debug on, also the API's
 * requestId and the stack trace.
 * <p>
 * Everything a command prints goes through an {@link InertWriter}: results quote the server's names, descriptions
 * and messages in many places (success lines, tables, errors), and one choke point makes all of them, and any added
 * later, unable to drive the terminal. Commands never print intentional escape sequences (colour is the prompt's and
 * the pickers', which write to the terminal directly), and JSON passes unchanged (see {@code Renderer}), so the
 * filter takes nothing legitimate away.
 */
@Component
public class ShellExecutor {

	private final CommandLineParser parser;

	private final CommandRegistry registry;

	private final BuiltInCommands help;

	private final ShellMode mode;

	private final Session session;

	private final Progress progress;

	private final Waits waits;

	public ShellExecutor(CommandLineParser parser, CommandRegistry registry, BuiltInCommands help, ShellMode mode,
			Session session, Progress progress, Waits waits) {
		this.parser = parser;
		this.registry = registry;
		this.help = help;
		this.mode = mode;
		this.session = session;
		this.progress = progress;
		this.waits = waits;
	}

	/** Where a command writes: results to {@code out}, errors to {@code err}. */
	public record Streams(PrintWriter out, PrintWriter err, InputReader in) {

		public static Streams of(PrintWriter out, PrintWriter err) {
			return new Streams(out, err, new InputReader() {
			});
		}

		/** The same streams behind an {@link InertWriter}; each println still reaches the terminal at once. */
		Streams inert() {
			return new Streams(new PrintWriter(new InertWriter(out), true), new PrintWriter(new InertWriter(err), true),
					in);
		}
	}

	/** Runs a line as typed; a failure names {@code origin} (a script's {@code FILE:LINE}; null: none) first. */
	public int execute(String line, Streams streams, String origin) {
		return run(() -> parser.parse(line), streams, origin);
	}

	/** Runs words already split by the calling shell (process arguments). */
	public int execute(List<String> words, Streams streams) {
		return run(() -> parser.parse(words), streams, null);
	}

	private int run(Supplier<CommandLineParser.Parsed> parse, Streams given, String origin) {
		Streams streams = given.inert();
		try {
			CommandLineParser.Parsed parsed = parse.get();
			if (parsed.help()) {
				streams.out().println(help.help(parsed.resolution().names()));
				return ExitCodes.OK;
			}
			Command command = parsed.resolution().command().command();
			Availability availability = command.getAvailabilityProvider().get();
			if (!availability.isAvailable()) {
				return report(new Failure(ExitCodes.AUTH, availability.reason(), null), streams, origin);
			}
			CommandContext context = new CommandContext(parsed.input(), registry, streams.out(), streams.in());
			ExitStatus status = waits.showing(parsed.json() ? Progress.NONE : progress, streams.err(),
					() -> command.execute(context));
			// an ExitStatus from a command's own mapper or from 4.0.1 (negative codes), as our exit codes
			if (status.code() == ExitStatus.OK.code()) {
				return ExitCodes.OK;
			}
			if (status.equals(ExitStatus.USAGE_ERROR)) {
				return ExitCodes.USAGE; // 4.0.1 has already printed the constraint violations
			}
			int code = status.code() == ExitStatus.AVAILABILITY_ERROR.code() ? ExitCodes.AUTH
					: status.code() == ExitStatus.USAGE_ERROR.code() ? ExitCodes.USAGE
							: status.code() < 0 ? ExitCodes.FAILURE : status.code();
			return report(new Failure(code, status.description(), null), streams, origin);
		}
		catch (Exception e) {
			// a command's exception arrives inside the reflective call's wrapper, which Failure.of unwraps
			Failure failure = failureOf(e);
			if (failure.cause() instanceof Error error) {
				throw error; // a failed test assertion or a broken JVM is not a command failure
			}
			return report(failure, streams, origin);
		}
		finally {
			streams.out().flush();
			streams.err().flush();
		}
	}

	private int report(Failure failure, Streams streams, String origin) {
		if (failure.cause() instanceof PromptCancelledException cancel && cancel.isOwnWords()) {
			// the command's own line for a cancel, where it prints it for "no": only the exit code tells them apart
			streams.out().println(cancel.getMessage());
			return failure.exitCode();
		}
		PrintWriter err = streams.err();
		err.println(Failure.errorLine((origin == null ? "" : origin + ": ") + failure.message()));
		if (mode.isDebug() && failure.cause() != null) {
			if (failure.cause() instanceof ApiException api && api.requestId() != null) {
				err.println("requestId: " + api.requestId());
			}
			failure.cause().printStackTrace(err);
		}
		return failure.exitCode();
	}

	/** Failure.of, told whether the credential came from ASTRO_API_TOKEN (a 401 then names that variable). */
	Failure failureOf(Throwable thrown) {
		return Failure.of(thrown, session.credentialFromEnvironment());
	}

}
