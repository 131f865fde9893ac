package dev.astroshell.shell;

import java.util.List;

import dev.astroshell.cli.ShellWords;

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
 * <p>
 * In {@code --name="Tok} the quote is inside the word, which DefaultParser keeps as typed: for completion the word is
 * reported without it ({@code --name=Tok}, which the candidates start with), and a {@code --name=value} candidate is
 * inserted with only its value quoted ({@code --name="Token one"}), as the README writes it.
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
		ParsedLine parsed = super.parse(line, cursor, context);
		if (context != ParseContext.COMPLETE) {
			return parsed;
		}
		CompletingParsedLine raw = (CompletingParsedLine) parsed;
		int start = raw.cursor() - raw.rawWordCursor();
		boolean quotedWord = start < line.length() && "\"'".indexOf(line.charAt(start)) >= 0;
		String word = unquoteInlineValue(raw.word());
		// the cursor in the word without its inline quote: before it, the quote that word leaves out
		int wordCursor = word.equals(raw.word()) || raw.wordCursor() <= raw.word().indexOf('=') + 1 ? raw.wordCursor()
				: Math.min(raw.wordCursor() - 1, word.length());
		List<String> words = raw.words().stream().map(QuotingLineParser::unquoteInlineValue).toList();
		return new ArgumentList(line, words, raw.wordIndex(), wordCursor, raw.cursor(), null, raw.rawWordCursor(),
				raw.rawWordLength()) {

			@Override
			public CharSequence escape(CharSequence candidate, boolean complete) {
				int inline = CommandLineParser.inlineValue(candidate);
				if (inline > 0) {
					return candidate.subSequence(0, inline)
							+ ShellWords.quote(candidate.subSequence(inline, candidate.length()).toString(), complete);
				}
				String quoted = ShellWords.quote(candidate.toString(), complete);
				return quotedWord || quoted.contentEquals(candidate) ? raw.escape(candidate, complete) : quoted;
			}
		};
	}

	/** {@code --name="Tok} → {@code --name=Tok}, also once the quote is closed; any other word as it is. */
	private static String unquoteInlineValue(String word) {
		int at = CommandLineParser.inlineValue(word);
		if (at < 0 || at == word.length() || "\"'".indexOf(word.charAt(at)) < 0) {
			return word;
		}
		String quote = word.substring(at, at + 1);
		String value = word.substring(at + 1);
		return word.substring(0, at) + (value.endsWith(quote) ? value.substring(0, value.length() - 1) : value);
	}

}
