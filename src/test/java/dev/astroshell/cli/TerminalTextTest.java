package dev.astroshell.cli;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

	static final String EVIL = "evil \u001b[31mRED\u001b]0;PWNED\u0007\u001b[2J";

	@Test
	void escSequencesAndBellBecomeVisibleEscapes() {
		assertThat(TerminalText.inert(EVIL)).isEqualTo("evil \\e[31mRED\\e]0;PWNED\\a\\e[2J");
		assertThat(TerminalText.oneLine(EVIL)).isEqualTo("evil \\e[31mRED\\e]0;PWNED\\a\\e[2J");
	}

	@Test
	void everyC0ControlDelAndC1ControlIsEscaped() {
		assertThat(TerminalText.inert("\u0000\u0001\b\u000b\f\u001f\u007f")).isEqualTo("\\x00\\x01\\b\\v\\f\\x1f\\x7f");
		assertThat(TerminalText.inert("a\u009b31mb\u0085\u0080\u009f")).isEqualTo("a\\x9b31mb\\x85\\x80\\x9f");
		for (char c = 0; c <= 0x9f; c++) {
			boolean keptInMultiLine = c == '\n' || c == '\t';
			boolean control = c < 0x20 || c >= 0x7f;
			String shown = TerminalText.oneLine(String.valueOf(c));
			assertThat(shown).as("U+%04X", (int) c).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]");
			assertThat(TerminalText.inert(String.valueOf(c)).equals(String.valueOf(c)))
				.as("U+%04X", (int) c)
				.isEqualTo(!control || keptInMultiLine);
		}
	}

	@Test
	void bidiOverridesAndIsolatesBecomeVisible() {
		assertThat(TerminalText.oneLine("admin\u202egnp.exe")).isEqualTo("admin\\u202egnp.exe");
		assertThat(TerminalText.oneLine("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069"))
			.isEqualTo("\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069");
		assertThat(TerminalText.oneLine("שלום \u200f ok")).as("other bidi text and marks are text")
			.isEqualTo("שלום \u200f ok");
	}

	@Test
	void lineBreaksStayInMultiLineTextAndShowAsReturnSymbolInOneLine() {
		assertThat(TerminalText.inert("a\nb\r\nc\td\re")).isEqualTo("a\nb\r\nc\td\\re");
		assertThat(TerminalText.oneLine("a\nb\r\nc\td\re")).isEqualTo("a⏎b⏎c\\td\\re");
	}

	@Test
	void plainTextIsReturnedAsItIs() {
		String plain = "Équipe données 日本語 \\e not an escape 🚀";
		assertThat(TerminalText.inert(plain)).isSameAs(plain);
		assertThat(TerminalText.oneLine(plain)).isSameAs(plain);
		assertThat(TerminalText.oneLine(null)).isNull();
	}

	@Test
	void widthCountsColumnsAsShown() {
		assertThat(TerminalText.width("abc")).isEqualTo(3);
		assertThat(TerminalText.width("Équipe")).isEqualTo(6);
		assertThat(TerminalText.width("E\u0301quipe")).as("a combining accent takes no column").isEqualTo(6);
		assertThat(TerminalText.width("日本語")).isEqualTo(6);
		assertThat(TerminalText.width("한국")).isEqualTo(4);
		assertThat(TerminalText.width("ｆｕｌｌ")).isEqualTo(8);
		assertThat(TerminalText.width("🚀x")).isEqualTo(3);
		assertThat(TerminalText.width(TerminalText.oneLine(EVIL))).isEqualTo(TerminalText.oneLine(EVIL).length());
	}

	@Test
	void tableCellsAreOneInertLineAndColumnsCountWhatIsShown() {
		List<String> lines = Renderer.align(List.of(new String[] { "NAME", "ID" }, new String[] { "日本", "1" },
				new String[] { EVIL, "2" }, new String[] { "two\nlines", "3" }));
		assertThat(String.join("\n", lines)).doesNotContain("\u001b", "\u0007");
		assertThat(lines.get(2)).isEqualTo("evil \\e[31mRED\\e]0;PWNED\\a\\e[2J  2");
		assertThat(lines.get(3)).startsWith("two⏎lines ");
		int idColumn = TerminalText.width(lines.get(2)) - 1;
		for (String line : lines) {
			assertThat(TerminalText.width(line.substring(0, line.length() - (line.endsWith("ID") ? 2 : 1))))
				.as(line)
				.isEqualTo(idColumn);
		}
	}

	@Test
	void jsonCarriesTheExactStringWithoutARawControlAndPassesTheWriterByteForByte() throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		String name = EVIL + " \u009b2J \u202eabc \u007f";
		String json = RendererWidthTest.renderer(0).json(List.of(new Named(name)));
		assertThat(json).contains("evil \\u001B[31mRED\\u001B]0;PWNED\\u0007\\u001B[2J \\u009B2J \\u202Eabc \\u007F");
		assertThat(mapper.readTree(json).get(0).get("name").asString()).isEqualTo(name);
		StringWriter written = new StringWriter();
		try (InertWriter writer = new InertWriter(written)) {
			writer.write(json);
		}
		assertThat(written.toString()).isEqualTo(json);
	}

	record Named(String name) {
	}

	@Test
	void theWriterEscapesWhatPassesThroughIt() throws Exception {
		StringWriter written = new StringWriter();
		try (InertWriter writer = new InertWriter(written)) {
			writer.write(EVIL + "\n");
			writer.write('\u0007');
			writer.write("x\u009by".toCharArray(), 0, 3);
		}
		assertThat(written.toString()).isEqualTo("evil \\e[31mRED\\e]0;PWNED\\a\\e[2J\n\\ax\\x9by");
	}

}
