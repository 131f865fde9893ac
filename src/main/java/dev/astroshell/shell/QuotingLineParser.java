package dev.astroshell.shell;

import java.util.List;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The line parser JLine uses for completion and line acceptance. 4.0.1's ExtendedDefaultParser does not report the
 * raw (quoted) word to JLine, so a completion after {@code --name "Tok} lands after the quote and candidates with
 * spaces are inserted unquoted. This one is JLine's DefaultParser (which handles an opening quote), and inserts a
 * candidate containing spaces or quotes inside double quotes instead of backslash-escaping it.
 */
@Component
@Primary // JLineShellAutoConfiguration.parser() is not @ConditionalOnMissingBean
public class QuotingLineParser extends DefaultParser {

	public QuotingLineParser() {
		setEofOnUnclosedQuote(true);
		setEofOnEscapedNewLine(true);
	}

	@Override
	public ParsedLine parse(String line, int cursor, ParseContext context) {
		return new Quoting((CompletingParsedLine) super.parse(line, cursor, context));
	}

	private static boolean needsQuotes(CharSequence candidate) {
		return candidate.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\');
	}

	private record Quoting(CompletingParsedLine parsed) implements CompletingParsedLine {

		@Override
		public CharSequence escape(CharSequence candidate, boolean complete) {
			int start = parsed.cursor() - parsed.rawWordCursor();
			boolean quoted = start < parsed.line().length() && "\"'".indexOf(parsed.line().charAt(start)) >= 0;
			if (quoted || !needsQuotes(candidate)) {
				return parsed.escape(candidate, complete);
			}
			String body = candidate.toString().replace("\\", "\\\\").replace("\"", "\\\"");
			return "\"" + body + (complete ? "\"" : "");
		}

		@Override
		public int rawWordCursor() {
			return parsed.rawWordCursor();
		}

		@Override
		public int rawWordLength() {
			return parsed.rawWordLength();
		}

		@Override
		public String word() {
			return parsed.word();
		}

		@Override
		public int wordCursor() {
			return parsed.wordCursor();
		}

		@Override
		public int wordIndex() {
			return parsed.wordIndex();
		}

		@Override
		public List<String> words() {
			return parsed.words();
		}

		@Override
		public String line() {
			return parsed.line();
		}

		@Override
		public int cursor() {
			return parsed.cursor();
		}

	}

}
