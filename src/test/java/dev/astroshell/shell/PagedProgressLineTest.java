package dev.astroshell.shell;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.api.TokenQuery;
import dev.astroshell.session.Session;
import dev.astroshell.testing.RequestGate;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A list read in pages counts on the progress line what has arrived out of the total the first page announced (pages
 * of two in this context, so that the seed's few tokens take several).
 */
@WaitsShownTestContext
class PagedProgressLineTest {

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	RequestGate gate;

	@AfterEach
	void fresh() {
		gate.release();
		fixture.fresh();
	}

	@Test
	void aPagedListCountsWhatHasArrivedOutOfTheTotal() throws Exception {
		fixture.fresh();
		int total = session.api()
			.listTokens(ORGANIZATION_ID, TokenQuery.ofDeployment(ETL_PROD), 0, 1)
			.block()
			.totalCount();
		assertThat(total).as("the seed fills more than one page").isGreaterThan(2);
		gate.hold();
		tty.clear();

		var list = shell.async(() -> shell.run("deployment token list"));
		tty.awaitScreen("fetching tokens of etl-prod…");
		gate.releaseNext(); // the first page, which tells the total; the others wait
		tty.awaitScreen("fetched 2 of " + total + " tokens of etl-prod");
		gate.release();
		assertThat(list.get(20, TimeUnit.SECONDS).out().lines()).hasSize(total + 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tty.visible()).isEmpty());
	}

}
