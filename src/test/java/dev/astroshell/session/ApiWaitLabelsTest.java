package dev.astroshell.session;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.astroshell.cli.Progress.Label;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** The label of a wait, from the request sent; the current deployment and workspace are named, others shown by ID. */
@ShellTestContext
class ApiWaitLabelsTest {

	static final String API = "https://api.astronomer.io/v1";

	@Autowired
	ApiWaitLabels labels;

	@Autowired
	SandboxFixture fixture;

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			GET    | /organizations/clorg/tokens?deploymentId=${etl-prod}&offset=0&limit=100 | fetching tokens of etl-prod                   | tokens of etl-prod
			GET    | /organizations/clorg/tokens?deploymentId=clother&offset=0               | fetching tokens of clother                    | tokens of clother
			GET    | /organizations/clorg/tokens?workspaceId=${data}                         | fetching tokens of workspace Data Engineering | tokens of workspace Data Engineering
			GET    | /organizations/clorg/tokens?includeOnlyOrganizationTokens=true          | fetching organization tokens                  | organization tokens
			GET    | /organizations/clorg/tokens                                             | fetching tokens                               | tokens
			GET    | /organizations/clorg/tokens/cltok                                       | fetching token                                | -
			POST   | /organizations/clorg/tokens                                             | creating token                                | -
			POST   | /organizations/clorg/tokens/cltok                                       | updating token                                | -
			POST   | /organizations/clorg/tokens/cltok/roles                                 | updating token roles                          | -
			POST   | /organizations/clorg/tokens/cltok/rotate                                | rotating token                                | -
			DELETE | /organizations/clorg/tokens/cltok                                       | deleting token                                | -
			GET    | /organizations/clorg/roles?includeDefaultRoles=false                    | fetching roles                                | roles
			GET    | /organizations/clorg/deployments?offset=0&limit=100                     | fetching deployments                          | deployments
			GET    | /organizations/clorg/deployments/cldep                                  | fetching deployment                           | -
			GET    | /organizations/clorg/workspaces                                         | fetching workspaces                           | workspaces
			GET    | /organizations/clorg/workspaces/clws                                    | fetching workspace                            | -
			GET    | /organizations/clorg                                                    | fetching organization                         | -
			GET    | /organizations                                                          | fetching organizations                        | organizations
			GET    | /users/self                                                             | checking your login                           | -
			GET    | /version                                                                | waiting for the Astro API                     | -
			POST   | /organizations/clorg/tokens/cltok/unknown/more                          | waiting for the Astro API                     | -
			""")
	void saysWhatIsAwaited(String method, String path, String doing, String counted) {
		fixture.fresh();
		String url = API + path.replace("${etl-prod}", SandboxFixture.ETL_PROD)
			.replace("${data}", SandboxSeed.WORKSPACE_DATA_ID);
		assertThat(labels.label(HttpMethod.valueOf(method), URI.create(url))).isEqualTo(new Label(doing, counted));
	}

}
