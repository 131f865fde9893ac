package dev.astroshell.shell;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.cli.ExitCodes;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** A single-valued option given twice on a real command is a usage error before any request is made. */
@ShellTestContext
class RepeatedOptionTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	SandboxFixture fixture;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		shell.run("deployment token list"); // warm: the session's own first requests are not the point here
		fixture.clearRequests();
	}

	@Test
	void aRepeatedOptionNamesItselfAndChangesNothing() {
		for (List<String> line : List.of(
				List.of("--role DAG_RUNNER --role DEPLOYMENT_ADMIN", "--role"),
				List.of("-r DAG_RUNNER --role DEPLOYMENT_ADMIN", "--role"),
				List.of("--role=DAG_RUNNER -r=DAG_RUNNER", "--role"),
				List.of("--new-name a --new-name b -r DAG_RUNNER", "--new-name"))) {
			ShellDriver.Result r = shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID + " " + line.get(0));
			assertThat(r.exitCode()).as(line.get(0)).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err()).as(line.get(0))
				.isEqualTo("Error: option '" + line.get(1) + "' given more than once; give it once"
						+ System.lineSeparator());
		}
		assertThat(fixture.requests()).isEmpty();
	}

}
