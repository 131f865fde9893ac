package dev.astroshell.deployment;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.astroshell.api.Deployment;
import dev.astroshell.cli.RendererWidthTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deployment list} on a narrow terminal: what gives way, and never a double ellipsis. */
class DeploymentListWidthTest {

	static final List<Deployment> DEPLOYMENTS = List.of(
			deployment("clvj50ce9uvw53efr4edt2syw", "etl-prod", "Data Engineering", "HEALTHY"),
			deployment("cl6d39zzzzg4zdmen2khvdgaj", "ml-prod", "Machine Learning", "UNHEALTHY"));

	@Test
	void at60TheNamespaceAndRuntimeVersionAreHiddenAndTheWorkspaceIsShortenedWithOneEllipsis() {
		List<String> lines = table(60);

		assertThat(lines).containsExactly(
				"NAME      DEPLOYMENT ID              WORKSPACE     STATUS",
				"etl-prod  clvj50ce9uvw53efr4edt2syw  Data Engine…  HEALTHY",
				"ml-prod   cl6d39zzzzg4zdmen2khvdgaj  Machine Lea…  UNHEALTHY",
				"(2 columns hidden; widen the terminal or use -o json)");
	}

	@Test
	void at120EverythingShowsWhole() {
		assertThat(table(120).get(1)).contains("sandbox-etl-prod-vj50ce", "Data Engineering", "13.2.0", "HEALTHY");
		assertThat(table(120)).hasSize(3);
	}

	private static List<String> table(int width) {
		return RendererWidthTest.renderer(width).table(DEPLOYMENTS, DeploymentCommands.COLUMNS).lines().toList();
	}

	private static Deployment deployment(String id, String name, String workspace, String status) {
		return new Deployment(id, name, "org", "ws", workspace, "sandbox-" + name + "-" + id.substring(2, 8), status,
				"13.2.0", "3.1.2", "STANDARD", "AWS", "us-east-1", true, false, null, null);
	}
}
