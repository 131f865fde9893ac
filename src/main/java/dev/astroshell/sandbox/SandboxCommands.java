package dev.astroshell.sandbox;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.astroshell.AstroProperties.Faults;
import dev.astroshell.AstroProperties;
import dev.astroshell.cli.CliException;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;

/** The {@code sandbox …} commands: serve a standalone sandbox, reset the built-in one, set its faults. */
@Component
public class SandboxCommands {

	private final InProcessSandbox sandbox;

	private final AstroProperties properties;

	private final Reset reset;

	public SandboxCommands(InProcessSandbox sandbox, AstroProperties properties, Reset reset) {
		this.sandbox = sandbox;
		this.properties = properties;
		this.reset = reset;
	}

	@Command(name = "sandbox serve", group = "Sandbox",
			description = "Serve the sandbox's API on a loopback port until Ctrl-C; prints its URL and development token",
			help = """
					sandbox serve
					sandbox serve --port 9000""")
	public void serve(@Option(longName = "port", description = "port on 127.0.0.1 (default astro.sandbox.serve-port)")
	Integer port, CommandContext ctx) {
		int chosen = port != null ? port : properties.sandbox().servePort();
		if (chosen < 0 || chosen > 65535) {
			throw CliException.usage("--port must be from 0 to 65535");
		}
		try (SandboxServer server = new SandboxServer(sandbox.dataDir(), chosen, properties.sandbox().faults())) {
			server.start();
			returnMemoryWhenIdle();
			PrintWriter out = ctx.outputWriter();
			out.println("Sandbox API: " + server.baseUrl());
			out.println("Development token: " + server.developmentToken());
			// the token goes by file: a command line with the secret in it would land in the history
			out.println("Log in from another shell: login localhost:" + server.port() + " --token-file "
					+ server.data().developmentTokenFile());
			out.flush();
			server.awaitClose();
		}
		catch (SandboxServer.PortInUseException ex) {
			throw CliException.failure("cannot serve the sandbox: " + ex.getMessage());
		}
	}

	/**
	 * A long-running server in a JVM whose default heap is a quarter of the machine: the heap follows what is live
	 * (at most 20% free after a collection) and an idle server collects every few seconds, so that a burst of
	 * requests does not keep its memory. Set through the JVM's manageable flags, as {@code java -jar} passes none.
	 */
	static void returnMemoryWhenIdle() {
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		for (String[] flag : new String[][] { { "MinHeapFreeRatio", "10" }, { "MaxHeapFreeRatio", "20" },
				{ "G1PeriodicGCInterval", "5000" } }) {
			try {
				vm.setVMOption(flag[0], flag[1]);
			}
			catch (IllegalArgumentException ex) {
				// another JVM may lack the flag or refuse the value (e.g. a MinHeapFreeRatio set above 10 by hand)
			}
		}
	}

	@Command(name = "sandbox reset", group = "Sandbox",
			description = "Restore the built-in sandbox's seed (the development token stays valid)",
			help = """
					sandbox reset
					sandbox reset --force""")
	public String reset(
			@Option(longName = "force", shortName = 'f', description = "reset without asking") Boolean force) {
		return reset.reset(Boolean.TRUE.equals(force));
	}

	@Command(name = "sandbox faults", group = "Sandbox",
			description = "Show or set the built-in sandbox's injected latency and failures (--off: none)",
			help = """
					sandbox faults
					sandbox faults --latency 200ms --error-rate 0.3 --statuses 500,503
					sandbox faults --drop-rate 0.1 --paths /tokens --methods POST
					sandbox faults --lose-answer-rate 0.5 --paths /roles --methods POST
					sandbox faults --off""")
	public String faults(@Option(longName = "latency", description = "added latency, e.g. 200ms or 1s") String latency,
			@Option(longName = "error-rate", description = "fraction (0-1) answered with an error") Double errorRate,
			@Option(longName = "statuses", description = "error statuses, e.g. 500,503,429") String statuses,
			@Option(longName = "drop-rate", description = "fraction (0-1) of connections dropped") Double dropRate,
			@Option(longName = "lose-answer-rate",
					description = "fraction (0-1) carried out whose answer is lost") Double loseAnswerRate,
			@Option(longName = "paths", description = "only paths containing this text") String paths,
			@Option(longName = "methods", description = "only these methods, e.g. POST,DELETE") String methods,
			@Option(longName = "off", description = "turn every fault off") Boolean off) {
		Faults current = Boolean.TRUE.equals(off) ? FaultInjector.OFF : sandbox.faults();
		Faults updated = new Faults(latency != null ? duration(latency) : current.latency(),
				errorRate != null ? rate("--error-rate", errorRate) : current.errorRate(),
				statuses != null ? statuses(statuses) : current.errorStatuses(),
				dropRate != null ? rate("--drop-rate", dropRate) : current.dropRate(),
				loseAnswerRate != null ? rate("--lose-answer-rate", loseAnswerRate) : current.loseAnswerRate(),
				current.retryAfter(),
				paths != null ? paths : current.paths(), methods != null ? methods.toUpperCase(Locale.ROOT)
						: current.methods());
		sandbox.setFaults(updated);
		return describe(updated);
	}

	static String describe(Faults faults) {
		return "latency: %dms, error-rate: %s, statuses: %s, drop-rate: %s, lose-answer-rate: %s, paths: %s, methods: %s"
			.formatted(
				faults.latency().toMillis(), faults.errorRate(),
				String.join(",", Arrays.stream(faults.errorStatuses()).mapToObj(Integer::toString).toList()),
				faults.dropRate(), faults.loseAnswerRate(), faults.paths().isBlank() ? "all" : faults.paths(),
				faults.methods().isBlank() ? "all" : faults.methods());
	}

	private static Duration duration(String text) {
		try {
			Duration duration = DurationStyle.detectAndParse(text);
			if (duration.isNegative()) {
				throw CliException.usage("--latency must not be negative");
			}
			return duration;
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw CliException.usage("--latency must be a duration such as 200ms or 1s");
		}
	}

	private static double rate(String option, double value) {
		if (value < 0 || value > 1) {
			throw CliException.usage(option + " must be from 0 to 1");
		}
		return value;
	}

	private static int[] statuses(String list) {
		try {
			int[] statuses = Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
			if (Arrays.stream(statuses).allMatch(s -> s >= 400 && s <= 599)) {
				return statuses;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw CliException.usage("--statuses must be HTTP error statuses (400-599), e.g. 500,503,429");
	}

	/**
	 * sandbox reset: the built-in sandbox back to its seed, which loses every change made in it; so asked first, as a
	 * token's delete is, unless forced.
	 */
	@Component
	public static class Reset {

		static final String QUESTION = "Every token, role and change made in the sandbox will be lost.\n"
				+ "Are you sure you want to reset the sandbox to its seed?";

		static final String CANCELED = "Canceling sandbox reset";

		private final InProcessSandbox sandbox;

		private final Prompter prompter;

		public Reset(InProcessSandbox sandbox, Prompter prompter) {
			this.sandbox = sandbox;
			this.prompter = prompter;
		}

		/** The line to print: the reset done, or declined. */
		String reset(boolean force) {
			if (!force) {
				if (!prompter.isInteractive()) {
					throw new NotInteractiveException("confirmation needed: pass --force to reset the sandbox without asking");
				}
				if (!prompter.confirm(QUESTION, false, CANCELED)) {
					return CANCELED;
				}
			}
			sandbox.reset();
			return "The sandbox was reset to its seed.";
		}
	}
}
