package dev.astroshell.shell;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors that say how to fix the line: did-you-mean, unquoted names, values of the wrong type. */
@ScriptedShellTest
class UsageErrorsTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture sandbox;

	@BeforeEach
	void fresh() {
		sandbox.fresh();
	}

	private String error(String line) {
		Result r = shell.run(line);
		assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
		assertThat(r.out()).as(line).isEmpty();
		assertThat(sandbox.requests()).as("nothing was sent for: " + line).isEmpty();
		return r.err().strip();
	}

	@Test
	void aMisspelledCommandGetsTheCommandItMeant() {
		assertThat(error("deploymnt list")).isEqualTo("Error: unknown command 'deploymnt'; did you mean 'deployment list'?");
		assertThat(error("deployment tokn lsit"))
			.isEqualTo("Error: unknown command 'deployment tokn'; did you mean 'deployment token list'?");
		assertThat(error("deployment swich etl-prod"))
			.isEqualTo("Error: unknown command 'deployment swich'; did you mean 'deployment switch'?");
		assertThat(error("wrkspace")).isEqualTo("Error: unknown command 'wrkspace'; did you mean 'workspace'?");
		assertThat(error("nosuch")).isEqualTo("Error: unknown command 'nosuch'; try 'help'");
		assertThat(error("help deploymnt list"))
			.isEqualTo("Error: unknown command 'deploymnt list'; did you mean 'help deployment list'?");
	}

	@Test
	void jsonWithAnotherTypedOutputFormatIsAContradiction() {
		assertThat(error("deployment list -o table --json")).isEqualTo("Error: --json contradicts -o table: give one of them");
		assertThat(error("deployment token list --json --output=table"))
			.isEqualTo("Error: --json contradicts -o table: give one of them");
	}

	@Test
	void aMisspelledOptionGetsTheOptionItMeant() {
		assertThat(error("deployment token update --rol DEPLOYMENT_ADMIN")).isEqualTo(
				"Error: unknown option '--rol' for 'deployment token update'; did you mean '--role'?");
		assertThat(error("deployment token create --nmae x")).isEqualTo(
				"Error: unknown option '--nmae' for 'deployment token create'; did you mean '--name'?");
		assertThat(error("deployment token organization-token update --name x")).isEqualTo(
				"Error: unknown option '--name' for 'deployment token organization-token update'; "
						+ "did you mean '--org-token-name'?");
		assertThat(error("deployment token list --zzzzzz"))
			.isEqualTo("Error: unknown option '--zzzzzz' for 'deployment token list'");
	}

	@Test
	void aNameWithSpacesWithoutQuotesSaysToQuoteIt() {
		assertThat(error("deployment token create --name Ci Deploy Token --role DEPLOYMENT_ADMIN"))
			.isEqualTo("Error: unexpected argument 'Deploy': --name read 'Ci'; a value with spaces needs quotes: "
					+ "--name \"Ci Deploy Token\"");
		assertThat(error("deployment token update --name Ci Deploy Token"))
			.isEqualTo("Error: unexpected argument 'Token': --name read 'Ci'; a value with spaces needs quotes: "
					+ "--name \"Ci Deploy Token\"");
	}

	@Test
	void aPipeOrRedirectionSaysItWorksOneShotAndShowsThatForm() {
		String oneShot = "Error: pipes and redirections work one-shot only, from your shell: astro-shell ";
		assertThat(error("deployment token list -o json | jq '.[0]'"))
			.isEqualTo(oneShot + "deployment token list -o json | jq '.[0]'");
		assertThat(error("deployment token list -o json |jq .")).isEqualTo(oneShot + "deployment token list -o json |jq .");
		assertThat(error("deployment list > out.txt")).isEqualTo(oneShot + "deployment list > out.txt");
		assertThat(error("deployment list >> out.txt")).isEqualTo(oneShot + "deployment list >> out.txt");
		assertThat(error("deployment token create < in.txt")).isEqualTo(oneShot + "deployment token create < in.txt");
		// quoted, they are values like any other
		assertThat(error("deployment list \"|\"")).isEqualTo("Error: unexpected argument '|' for 'deployment list'");
	}

	@Test
	void aValueOfTheWrongTypeNamesTheOption() {
		assertThat(error("deployment token create --name x -e abc"))
			.isEqualTo("Error: invalid value 'abc' for --expiration: expected a whole number");
		assertThat(error("sandbox faults --error-rate lots"))
			.isEqualTo("Error: invalid value 'lots' for --error-rate: expected a number");
		assertThat(error("deployment token rotate x --force=maybe"))
			.isEqualTo("Error: invalid value 'maybe' for --force: expected true or false");
	}

}
