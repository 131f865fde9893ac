package dev.astroshell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

	@Test
	void afterDefaultsJsonWinsOverTheDefaultTable() {
		assertThat(OutputFormat.of(null, false)).isEqualTo(OutputFormat.TABLE);
		assertThat(OutputFormat.of("table", true)).isEqualTo(OutputFormat.JSON);
		assertThat(OutputFormat.of(" Json ", false)).isEqualTo(OutputFormat.JSON);
	}

	@Test
	void typedJsonWithAnotherOutputFormatIsRefusedAsAContradiction() {
		CliException contradiction = catchThrowableOfType(CliException.class,
				() -> OutputFormat.refuseContradiction("table", true));
		assertThat(contradiction.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(contradiction.getMessage()).isEqualTo("--json contradicts -o table: give one of them");
		assertThat(catchThrowableOfType(CliException.class, () -> OutputFormat.refuseContradiction("yaml", true))
			.getMessage()).isEqualTo("invalid output format 'yaml': use table or json");
	}

	@Test
	void typedOptionsThatAgreeOrStandAloneAreNoContradiction() {
		assertThatCode(() -> {
			OutputFormat.refuseContradiction("json", true);
			OutputFormat.refuseContradiction(null, true);
			OutputFormat.refuseContradiction("table", false);
		}).doesNotThrowAnyException();
	}

	@Test
	void typedOptionsAskForJsonOnlyWithAValidJsonFormat() {
		assertThat(OutputFormat.asksJson("json", false)).isTrue();
		assertThat(OutputFormat.asksJson(null, true)).isTrue();
		assertThat(OutputFormat.asksJson(null, false)).isFalse();
		assertThat(OutputFormat.asksJson("yaml", false)).isFalse();
	}
}
