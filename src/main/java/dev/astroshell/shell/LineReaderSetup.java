package dev.astroshell.shell;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.astroshell.cli.ShellWords;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.prompt.Match;
import dev.astroshell.prompt.NaturalOrder;

import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.CompletionMatcher;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.utils.AttributedString;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * What 4.0.1's line reader lacks, set once it exists (its bean is not conditional):
 * <ul>
 * <li>the shell's own name before JLine's questions ({@code astro-shell: do you wish to see all 72
 * possibilities?}); the field is final, so it is set by reflection;</li>
 * <li>Tab matches as the pickers do ({@link Match}), instead of JLine's case-sensitive matching and its one-typo
 * guesses, in one list without JLine's {@code original}/{@code others} groups;</li>
 * <li>no {@code !} event expansion, which drops backslashes and expands {@code !} in typed values;</li>
 * <li>no colour in the typed line when {@code NO_COLOR} is set (no-color.org), like the shell's other colours.</li>
 * </ul>
 */
@Component
class LineReaderSetup {

	LineReaderSetup(LineReader reader, Environment environment) {
		reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
		reader.option(LineReader.Option.GROUP, false);
		if (reader instanceof LineReaderImpl impl) {
			impl.setCompletionMatcher(new PickerMatching());
			if (!TerminalText.colourEnabled(environment.getProperty("NO_COLOR"))) {
				impl.setHighlighter((typing, line) -> new AttributedString(line));
			}
			Field appName = ReflectionUtils.findField(LineReaderImpl.class, "appName");
			if (appName != null) { // else JLine's questions keep its own name
				ReflectionUtils.makeAccessible(appName);
				ReflectionUtils.setField(appName, impl, ShellWords.PROGRAM);
			}
		}
	}

	/** Redraws the line being typed, if one is, after {@code change}. */
	static void redrawWhileReading(ObjectProvider<LineReader> reader, Consumer<LineReaderImpl> change) {
		if (reader.getIfAvailable() instanceof LineReaderImpl typing && typing.isReading()) {
			change.accept(typing);
			typing.callWidget(LineReader.REDRAW_LINE);
			typing.callWidget(LineReader.REDISPLAY);
		}
	}

	/**
	 * The candidates that match the word typed best ({@link Match}: by prefix, else by a word, else inside). In
	 * {@code --name=va} only the values are compared.
	 */
	static final class PickerMatching implements CompletionMatcher {

		private String typed = "";

		private boolean hideOptions;

		private List<Candidate> matching = List.of();

		@Override
		public void compile(Map<LineReader.Option, Boolean> options, boolean prefix, CompletingParsedLine line,
				boolean caseInsensitive, int errors, String originalGroupName) {
			typed = prefix ? line.word().substring(0, line.wordCursor()) : line.word();
			hideOptions = typed.isEmpty() && !LineReader.Option.EMPTY_WORD_OPTIONS.isSet(options);
		}

		@Override
		public List<Candidate> matches(List<Candidate> candidates) {
			matching = Match.best(candidates.stream().filter(c -> !(hideOptions && c.value().startsWith("-"))).toList(),
					c -> match(c.value()));
			return new ArrayList<>(matching);
		}

		private Match match(String value) {
			int inline = CommandLineParser.inlineValue(typed);
			return inline > 0 && value.startsWith(typed.substring(0, inline))
					? Match.of(value.substring(inline), typed.substring(inline)) : Match.of(value, typed);
		}

		@Override
		public Candidate exactMatch() {
			String wanted = NaturalOrder.fold(typed);
			return matching.stream()
				.filter(c -> c.complete() && NaturalOrder.fold(c.value()).equals(wanted))
				.findFirst()
				.orElse(null);
		}

		/** The start the matching values share, letter case aside, as the first of them writes it. */
		@Override
		public String getCommonPrefix() {
			return NaturalOrder.commonStart(matching.stream().map(Candidate::value).toList());
		}

	}

}
