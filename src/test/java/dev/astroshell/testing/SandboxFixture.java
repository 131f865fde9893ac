package dev.astroshell.testing;

import java.time.Duration;
import java.util.List;

import dev.astroshell.AstroProperties;
import dev.astroshell.sandbox.InProcessSandbox;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.sandbox.SandboxServer;
import dev.astroshell.session.Session;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's in-process sandbox as a test world: {@link #fresh()} puts back the seed, turns faults off,
 * forgets the request log and puts the session on the sandbox with etl-prod as the current deployment.
 */
public class SandboxFixture {

	public static final AstroProperties.Faults NO_FAULTS = new AstroProperties.Faults(Duration.ZERO, 0,
			new int[] { 500 }, 0, 1, "", "");

	public static final String ETL_PROD = SandboxSeed.DEPLOYMENT_ETL_PROD_ID;

	private final InProcessSandbox sandbox;

	private final Session session;

	SandboxFixture(InProcessSandbox sandbox, Session session) {
		this.sandbox = sandbox;
		this.session = session;
	}

	public SandboxFixture fresh() {
		sandbox.setFaults(NO_FAULTS);
		server().clearPlannedFaults();
		sandbox.reset();
		session.login("sandbox", null, CredentialSource.SANDBOX);
		session.setDeployment(new Ref(SandboxSeed.WORKSPACE_DATA_ID, SandboxSeed.WORKSPACE_DATA_NAME),
				new Ref(ETL_PROD, SeedFacts.ETL_PROD));
		server().clearRequests();
		return this;
	}

	/** Without a current deployment, for the paths that must pick or name one. */
	public SandboxFixture withoutDeployment() {
		session.setDeployment(new Ref(SandboxSeed.WORKSPACE_DATA_ID, SandboxSeed.WORKSPACE_DATA_NAME), null);
		server().clearRequests();
		return this;
	}

	public SandboxServer server() {
		return sandbox.running();
	}

	/** The API requests seen since the last {@link #fresh()} or {@link #clearRequests()}, as "METHOD path". */
	public List<String> requests() {
		return server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
	}

	public void clearRequests() {
		server().clearRequests();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		SandboxFixture sandboxFixture(InProcessSandbox sandbox, Session session) {
			return new SandboxFixture(sandbox, session);
		}

	}

}
