package dev.astroshell.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.InteractiveShellRunner;
import org.springframework.shell.core.NonInteractiveShellRunner;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.autoconfigure.JLineShellAutoConfiguration;
import org.springframework.shell.core.autoconfigure.ShellRunnerAutoConfiguration;
import org.springframework.shell.core.autoconfigure.SpringShellProperties;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.Help;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.CommandHighlighter;
import org.springframework.shell.jline.ExtendedDefaultParser;
import org.springframework.shell.jline.tui.component.SingleItemSelector;
import org.springframework.shell.jline.tui.component.StringInput;
import org.springframework.shell.jline.tui.component.StringInput.StringInputContext;
import org.springframework.shell.jline.tui.component.support.AbstractComponent;
import org.springframework.shell.jline.tui.component.support.SelectorItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Canaries: each test shows that a defect of Spring Shell 4.0.1 which one of our workarounds exists for is still
 * there, on the stock class alone. When an upgrade fixes a defect, its canary fails and its message names the
 * workaround that may go (see package-info.java of this package for the list). Plain unit tests: no application
 * context beyond the few commands below.
 */
class SpringShellDefectCanaryTest {

	private static GenericApplicationContext context;

	private static CommandRegistry registry;

	/** Stand-ins for our commands: a multi-word one with a positional and a flag, a one-word one, a failing one. */
	public static class Widgets {

		@Command(name = "widget update", completionProvider = "widgetCompletion")
		public String update(@Argument(index = 0, description = "the widget's ID") String widgetId,
				@Option(longName = "force") Boolean force, @Option(longName = "name") String name) {
			return widgetId;
		}

		@Command(name = "ping")
		public String ping(@Option(longName = "verbose") Boolean verbose) {
			return "pong";
		}

		@Command(name = "widget fail")
		public void fail() {
			throw new IllegalStateException("kaput");
		}
	}

	@BeforeAll
	static void registerCommands() {
		context = new GenericApplicationContext();
		context.registerBean(Widgets.class);
		context.registerBean("widgetCompletion", CompletionProvider.class,
				() -> ctx -> List.of(new CompletionProposal("clock-1"), new CompletionProposal("clone-2")));
		context.refresh();
		registry = new CommandRegistry();
		Arrays.stream(Widgets.class.getDeclaredMethods())
			.filter(m -> m.isAnnotationPresent(Command.class))
			.forEach(m -> {
				CommandFactoryBean factory = new CommandFactoryBean(m);
				factory.setApplicationContext(context);
				registry.registerCommand(factory.getObject());
			});
	}

	@AfterAll
	static void close() {
		context.close();
	}

	private static ParsedInput parse(String line) {
		return new DefaultCommandParser(registry).parse(line);
	}

	// ---- DefaultCommandParser → CommandLineParser

	@Test
	void commandLineParser_stockParserSilentlyAcceptsUnknownOptions() {
		assertThat(parse("widget update w-1 --nope x").options())
			.as("4.0.1 takes an undeclared option without a word; if it now refuses it, CommandLineParser may go")
			.anyMatch(o -> "nope".equals(o.longName()));
	}

	@Test
	void commandLineParser_stockParserLooksUpBooleanFlagsOnTheRootWordOnly() {
		assertThatThrownBy(() -> parse("widget update --force"))
			.as("4.0.1 asks a value of a flag of a multi-word command; if it now parses, CommandLineParser may go")
			.hasMessageContaining("requires a value");
	}

	@Test
	void commandLineParser_stockParserLetsAFlagSwallowTheNextWord() {
		ParsedInput input = parse("ping --verbose extra");
		assertThat(input.options())
			.as("4.0.1 takes the word after a flag as its value; if not any more, CommandLineParser may go")
			.singleElement()
			.satisfies(o -> assertThat(o.value()).isEqualTo("extra"));
		assertThat(input.arguments()).isEmpty();
	}

	@Test
	void commandLineParser_stockParserKnowsHelpOnlyAfterAOneWordCommand() {
		assertThatThrownBy(() -> parse("widget update --help"))
			.as("4.0.1 treats --help after a multi-word command as an option needing a value; CommandLineParser")
			.hasMessageContaining("requires a value");
	}

	@Test
	void commandLineParser_stockParserDoesNotGroupSingleQuotedWords() {
		assertThat(parse("widget update 'a b'").arguments()).extracting(CommandArgument::value)
			.as("4.0.1 splits inside single quotes; if it keeps 'a b' together, ShellWords.split may go")
			.containsExactly("'a", "b'");
	}

	// ---- CommandCompleter → ShellCompleter

	@Test
	void shellCompleter_stockCompleterCompletesNoPartialPositionalAfterAMultiWordCommand() {
		assertThat(completeWithStockCompleter("widget update ")).as("control: the provider answers on an empty word")
			.contains("clock-1");
		assertThat(completeWithStockCompleter("widget update cl"))
			.as("4.0.1's findCommandByWords joins 'cl' into the command name; if it now completes, ShellCompleter may go")
			.isEmpty();
	}

	private static List<String> completeWithStockCompleter(String line) {
		ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
		List<Candidate> candidates = new ArrayList<>();
		new CommandCompleter(registry).complete(null, parsed, candidates);
		return candidates.stream().map(Candidate::value).toList();
	}

	// ---- Help → BuiltInCommands and cli.HelpText

	@Test
	void helpRenderer_stockHelpOmitsArguments() throws Exception {
		StringWriter out = new StringWriter();
		ParsedInput input = ParsedInput.builder()
			.commandName("help")
			.addArgument(new CommandArgument(0, "widget"))
			.addArgument(new CommandArgument(1, "update"))
			.build();
		new Help().execute(new CommandContext(input, registry, new PrintWriter(out), new InputReader() {
		}));
		assertThat(out.toString()).contains("widget update", "--force")
			.as("4.0.1's help leaves out @Argument parameters; if it shows them, BuiltInCommands/HelpText may go")
			.doesNotContainIgnoringCase("widget's ID")
			.doesNotContainIgnoringCase("widgetId")
			.doesNotContain("WIDGET_ID");
	}

	// ---- ExtendedDefaultParser and the stock parser bean → QuotingLineParser

	@Test
	void quotingLineParser_stockLineParserHidesTheOpeningQuoteAndNeverQuotes() {
		String line = "widget update --name \"Tok";
		CompletingParsedLine parsed = (CompletingParsedLine) new ExtendedDefaultParser().parse(line, line.length(),
				ParseContext.COMPLETE);
		assertThat(parsed.rawWordCursor())
			.as("4.0.1 reports the unquoted cursor as the raw one (completion lands after the quote); QuotingLineParser")
			.isEqualTo(parsed.wordCursor());
		assertThat(parsed.escape("Token one", true))
			.as("4.0.1 inserts a candidate with spaces unquoted; if it quotes now, QuotingLineParser may go")
			.hasToString("Token one");
	}

	@Test
	void quotingLineParser_stockParserBeanCannotBeReplacedWithoutPrimary() throws NoSuchMethodException {
		assertThat(JLineShellAutoConfiguration.class.getMethod("parser").isAnnotationPresent(
				ConditionalOnMissingBean.class))
			.as("4.0.1's parser() bean is unconditional, hence @Primary on QuotingLineParser")
			.isFalse();
	}

	// ---- the stock runners and line reader → ShellRunner

	@Test
	void shellRunner_stockInteractiveRunnerLeavesTheShellOnCtrlC() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		PrintWriter sink = new PrintWriter(new StringWriter());
		InteractiveShellRunner runner = new InteractiveShellRunner(() -> {
			if (reads.incrementAndGet() == 1) {
				throw new UserInterruptException("");
			}
			return "exit";
		}, new DefaultCommandParser(registry), registry) {

			@Override
			public void print(String message) {
			}

			@Override
			public void flush() {
			}

			@Override
			public PrintWriter getWriter() {
				return sink;
			}

			@Override
			public InputReader getReader() {
				return new InputReader() {
				};
			}
		};
		runner.run(new String[0]);
		assertThat(reads)
			.as("4.0.1's REPL ends on the first Ctrl-C instead of reading the next line; ShellRunner's own loop")
			.hasValue(1);
	}

	@Test
	void shellRunner_stockNonInteractiveRunnerHasNoExitCodeForAFailure() throws Exception {
		StringWriter out = new StringWriter();
		NonInteractiveShellRunner runner = new NonInteractiveShellRunner(new DefaultCommandParser(registry), registry,
				new PrintWriter(out));
		runner.run(new String[] { "widget", "update", "--force" }); // a parse failure, logged and forgotten
		assertThat(ExitCodeGenerator.class.isAssignableFrom(NonInteractiveShellRunner.class))
			.as("4.0.1's one-shot runner returns normally on a failure and has no exit code; ShellRunner")
			.isFalse();
	}

	@Test
	void shellRunner_stockRunnerStandsBackForAnyApplicationRunner() throws NoSuchMethodException {
		assertThat(ShellRunnerAutoConfiguration.class.getMethod("springShellApplicationRunner", ShellRunner.class)
			.isAnnotationPresent(ConditionalOnMissingBean.class))
			.as("not a defect but what ShellRunner relies on: any ApplicationRunner bean switches 4.0.1's runner off")
			.isTrue();
	}

	@Test
	void shellRunner_stockLineReaderKeepsEventExpansionOn(@TempDir Path configDir) throws IOException {
		try (Terminal terminal = TerminalBuilder.builder()
			.dumb(true)
			.streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
			.build()) {
			LineReader reader = new JLineShellAutoConfiguration(new DefaultHistory(), new SpringShellProperties(),
					() -> configDir)
				.lineReader(terminal, new ExtendedDefaultParser(), new CommandCompleter(registry),
						new CommandHighlighter(registry));
			assertThat(reader.isSet(LineReader.Option.DISABLE_EVENT_EXPANSION))
				.as("4.0.1 leaves '!' expansion on (typed values lose '!' and '\\'); LineReaderSetup switches it off")
				.isFalse();
		}
	}

	// ---- MethodInvokerCommandAdapter → CommandModel and Failure

	@Test
	void commandModel_stockCommandAdapterHidesItsMethod() {
		assertThat(Arrays.stream(MethodInvokerCommandAdapter.class.getMethods()).map(Method::getReturnType))
			.as("4.0.1 has no accessor for a command's method; if one appears, CommandModel can stop reflecting")
			.doesNotContain(Method.class);
	}

	@Test
	void shellExecutor_stockCommandThrowsTheReflectiveWrapper() {
		assertThatThrownBy(() -> registry.getCommandByName("widget fail")
			.execute(new CommandContext(ParsedInput.builder().commandName("widget").addSubCommand("fail").build(),
					registry, new PrintWriter(new StringWriter()), new InputReader() {
					})))
			.as("4.0.1 throws the reflective call's wrapper, not the command's exception; Failure.of unwraps it")
			.isInstanceOf(InvocationTargetException.class)
			.hasRootCauseMessage("kaput");
	}

	// ---- TUI components → CancellableComponents (prompt package)

	@Test
	void cancellableComponents_stockSelectorTakesSpaceAndHasNoCancelKey() throws IOException {
		try (Terminal terminal = TerminalBuilder.builder()
			.dumb(true)
			.streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
			.build()) {
			KeyMap<String> keys = new KeyMap<>();
			new SingleItemSelector<String, SelectorItem<String>>(terminal, List.of(SelectorItem.of("a", "a")), "t",
					null) {
				{
					bindKeyMap(keys);
				}
			};
			assertThat(keys.getBound(" ")).as(
					"4.0.1's single selector binds space to SELECT, so names with spaces cannot be typed into the filter; "
							+ "CancellableComponents.Selector rebinds it")
				.isEqualTo(AbstractComponent.OPERATION_SELECT);
			assertThat(keys.getBound(KeyMap.esc()))
				.as("4.0.1's components have no cancel key; CancellableComponents binds Esc")
				.isNull();
		}
	}


	@Test
	void jlinePrompter_stockComponentLeavesCtrlCToTheJvm() throws IOException {
		List<Signal> handled = new ArrayList<>();
		try (Terminal terminal = new DumbTerminal("canary", Terminal.TYPE_DUMB,
				new ByteArrayInputStream("ok\r".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
				StandardCharsets.UTF_8) {

			@Override
			public SignalHandler handle(Signal signal, SignalHandler handler) {
				handled.add(signal);
				return super.handle(signal, handler);
			}
		}) {
			terminal.setSize(new Size(80, 24)); // a dumb terminal without a size makes components skip their loop
			StringInput input = new StringInput(terminal, "name?", null);
			input.setRenderer(context -> List.of());
			input.setPrintResults(false);
			assertThat(input.run(StringInputContext.empty()).getResultValue()).as("control: the component ran")
				.isEqualTo("ok");
		}
		assertThat(handled)
			.as("4.0.1's components install no SIGINT handler, so Ctrl-C ends the JVM in raw mode; JLinePrompter")
			.doesNotContain(Signal.INT);
	}

}
