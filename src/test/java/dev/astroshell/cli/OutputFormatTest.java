package dev.astroshell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

	@Test
	void jsonAndOutputAgreeingOrAloneChooseTheFormat() {
		assertThat(OutputFormat.of(null, false)).isEqualTo(OutputFormat.TABLE);
		assertThat(OutputFormat.of("", true)).isEqualTo(OutputFormat.JSON);
		assertThat(OutputFormat.of(" Table ", false)).isEqualTo(OutputFormat.TABLE);
		assertThat(OutputFormat.of("json", true)).isEqualTo(OutputFormat.JSON);
	}

	@Test
	void jsonWithAnotherOutputFormatIsRefusedAsAContradiction() {
		CliException contradiction = catchThrowableOfType(CliException.class, () -> OutputFormat.of("table", true));
		assertThat(contradiction.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(contradiction.getMessage()).isEqualTo("--json contradicts -o table: give one of them");
	}

	@Test
	void anUnknownFormatIsRefusedFirst() {
		CliException unknown = catchThrowableOfType(CliException.class, () -> OutputFormat.of("yaml", true));
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.getMessage()).isEqualTo("invalid output format 'yaml': use table or json");
	}
}
