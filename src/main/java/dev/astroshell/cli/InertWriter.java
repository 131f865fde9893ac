package dev.astroshell.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that passes everything through {@link TerminalText#inert}: what a command prints can show a server's
 * string but never send the terminal a control. Stateless per write: every escaped character is a single UTF-16
 * unit, so a write split anywhere still escapes the same (only a {@code \r\n} split across two writes shows its
 * {@code \r}).
 */
public final class InertWriter extends FilterWriter {

	public InertWriter(Writer out) {
		super(out);
	}

	@Override
	public void write(int c) throws IOException {
		out.write(TerminalText.inert(String.valueOf((char) c)));
	}

	@Override
	public void write(char[] chars, int offset, int length) throws IOException {
		out.write(TerminalText.inert(new String(chars, offset, length)));
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		out.write(TerminalText.inert(text.substring(offset, offset + length)));
	}

}
