package dev.astroshell.prompt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link Prompter} for tests: queue the prompts a command must show, with their answers, in order. Any other
 * prompt fails the test (an {@link AssertionError}, which the shell does not turn into an exit code), and
 * {@link #verifyAllConsumed()} fails when an expected prompt was not shown.
 *
 * <pre>
 * prompter.expectSelect("Please select the Deployment API token:", 1)
 *     .expectConfirm("Are you sure?", true);
 * ... run the command ...
 * prompter.verifyAllConsumed();
 * assertThat(prompter.shown()).extracting(Shown::options)...
 * </pre>
 *
 * In a Spring test, {@code @Import(ScriptedPrompter.Config.class)} makes it the {@code @Primary} Prompter; it is a
 * singleton of the cached context, so call {@link #reset()} in {@code @BeforeEach}.
 */
public class ScriptedPrompter implements Prompter {

	/** The kinds of prompt. */
	public enum Kind {
		SELECT, CONFIRM, INPUT, SECRET
	}

	/** A prompt that was shown: its title and, for a selection, its options and the preselected index. */
	public record Shown(Kind kind, String title, List<String> options, int initial) {
	}

	private record Expected(Kind kind, String title, Function<Shown, Object> answer) {
	}

	private final Deque<Expected> expected = new ArrayDeque<>();

	private final List<Shown> shown = new ArrayList<>();

	private boolean interactive = true;

	private AssertionError failure;

	/** Expects a selection titled {@code title} and picks {@code index}. */
	public ScriptedPrompter expectSelect(String title, int index) {
		return expect(Kind.SELECT, title, s -> index);
	}

	/** Expects a selection offering exactly {@code options} and picks the one equal to {@code choice}. */
	public ScriptedPrompter expectSelect(String title, List<String> options, String choice) {
		return expect(Kind.SELECT, title, s -> {
			if (!s.options().equals(options)) {
				throw fail("select '" + title + "' offered " + s.options() + ", expected " + options);
			}
			return options.indexOf(choice);
		});
	}

	/** Expects a selection titled {@code title}; runs {@code whileOpen} (another writer acting) before picking {@code index}. */
	public ScriptedPrompter expectSelect(String title, int index, Runnable whileOpen) {
		return expect(Kind.SELECT, title, s -> {
			whileOpen.run();
			return index;
		});
	}

	public ScriptedPrompter expectConfirm(String question, boolean answer) {
		return expect(Kind.CONFIRM, question, s -> answer);
	}

	/** Expects a question; runs {@code whileOpen} (another writer acting) before answering {@code answer}. */
	public ScriptedPrompter expectConfirm(String question, boolean answer, Runnable whileOpen) {
		return expect(Kind.CONFIRM, question, s -> {
			whileOpen.run();
			return answer;
		});
	}

	public ScriptedPrompter expectInput(String prompt, String answer) {
		return expect(Kind.INPUT, prompt, s -> answer);
	}

	public ScriptedPrompter expectSecret(String prompt, String answer) {
		return expect(Kind.SECRET, prompt, s -> answer);
	}

	/** Expects a prompt of this kind and title, which the user cancels (Esc or Ctrl-C). */
	public ScriptedPrompter expectCancel(Kind kind, String title) {
		return expect(kind, title, s -> {
			throw new PromptCancelledException();
		});
	}

	/** Makes {@link #isInteractive()} false, as in a one-shot run; any prompt then fails the test. */
	public ScriptedPrompter nonInteractive() {
		interactive = false;
		return this;
	}

	/** Forgets expectations, shown prompts and failures; interactive again. */
	public synchronized void reset() {
		expected.clear();
		shown.clear();
		interactive = true;
		failure = null;
	}

	/** The prompts shown so far, in order. */
	public synchronized List<Shown> shown() {
		return List.copyOf(shown);
	}

	/** Fails when an unexpected prompt was shown or an expected one was not. */
	public synchronized void verifyAllConsumed() {
		if (failure != null) {
			throw failure;
		}
		if (!expected.isEmpty()) {
			throw new AssertionError("expected prompts not shown: " + expected.stream()
				.map(e -> e.kind() + " '" + e.title() + "'")
				.toList());
		}
	}

	@Override
	public boolean isInteractive() {
		return interactive;
	}

	@Override
	public int select(String title, List<String> options, int initial) {
		return (Integer) answer(new Shown(Kind.SELECT, title, List.copyOf(options), initial));
	}

	@Override
	public boolean confirm(String question, boolean defaultAnswer) {
		return (Boolean) answer(new Shown(Kind.CONFIRM, question, List.of(), -1));
	}

	@Override
	public String input(String prompt, String defaultValue) {
		return (String) answer(new Shown(Kind.INPUT, prompt, List.of(), -1));
	}

	@Override
	public String secret(String prompt) {
		return (String) answer(new Shown(Kind.SECRET, prompt, List.of(), -1));
	}

	private synchronized ScriptedPrompter expect(Kind kind, String title, Function<Shown, Object> answer) {
		expected.add(new Expected(kind, title, answer));
		return this;
	}

	private synchronized Object answer(Shown prompt) {
		shown.add(prompt);
		if (!interactive) {
			throw fail("prompted in a non-interactive run: " + prompt.kind() + " '" + prompt.title() + "'");
		}
		Expected next = expected.poll();
		if (next == null || next.kind() != prompt.kind() || !next.title().equals(prompt.title())) {
			throw fail("unexpected prompt " + prompt.kind() + " '" + prompt.title() + "'"
					+ (next == null ? "" : "; expected " + next.kind() + " '" + next.title() + "'"));
		}
		return next.answer().apply(prompt);
	}

	private AssertionError fail(String message) {
		AssertionError error = new AssertionError(message);
		if (failure == null) {
			failure = error;
		}
		return error;
	}

	/** Registers a ScriptedPrompter as the {@code @Primary} Prompter. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		ScriptedPrompter scriptedPrompter() {
			return new ScriptedPrompter();
		}

	}

}
