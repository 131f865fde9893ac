package dev.astroshell.shell;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.astroshell.cli.ShellWords;
import dev.astroshell.prompt.Match;
import dev.astroshell.prompt.NaturalOrder;

import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.CompletionMatcher;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What 4.0.1's line reader lacks, set once it exists (its bean is not conditional):
 * <ul>
 * <li>the shell's own name before JLine's questions ({@code astro-shell: do you wish to see all 72
 * possibilities?}); the field is final, so it is set by reflection;</li>
 * <li>Tab matches as the pickers do ({@link Match}), instead of JLine's case-sensitive matching and its one-typo
 * guesses, in one list without JLine's {@code original}/{@code others} groups;</li>
 * <li>no {@code !} event expansion, which drops backslashes and expands {@code !} in typed values.</li>
 * </ul>
 */
@Component
class LineReaderSetup {

	private static final Logger log = LoggerFactory.getLogger(LineReaderSetup.class);

	LineReaderSetup(LineReader reader) {
		reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
		reader.option(LineReader.Option.GROUP, false);
		if (reader instanceof LineReaderImpl impl) {
			impl.setCompletionMatcher(new PickerMatching());
			try {
				Field appName = LineReaderImpl.class.getDeclaredField("appName");
				appName.setAccessible(true);
				appName.set(impl, ShellWords.PROGRAM);
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				log.debug("cannot rename the line reader: {}", e.toString()); // JLine's text keeps the old name
			}
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
			Map<Match, List<Candidate>> byMatch = candidates.stream()
				.filter(c -> !(hideOptions && c.value().startsWith("-")))
				.collect(Collectors.groupingBy(c -> match(c.value()), () -> new EnumMap<>(Match.class),
						Collectors.toList()));
			byMatch.remove(Match.NONE);
			matching = byMatch.isEmpty() ? List.of() : byMatch.values().iterator().next();
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
			String common = null;
			for (Candidate candidate : matching) {
				String value = candidate.value();
				int length = 0;
				while (common != null && length < Math.min(common.length(), value.length())
						&& NaturalOrder.fold(common.substring(length, length + 1))
							.equals(NaturalOrder.fold(value.substring(length, length + 1)))) {
					length++;
				}
				common = common == null ? value : common.substring(0, length);
			}
			return common == null ? "" : common;
		}

	}

}
