package dev.astroshell.prompt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchTest {

	@Test
	void byPrefixThenByWordsBlindToCaseAndAccents() {
		assertThat(Match.of("DEPLOYMENT_ADMIN", "deploym")).isEqualTo(Match.PREFIX);
		assertThat(Match.of("Équipe données", "EQU")).isEqualTo(Match.PREFIX);
		assertThat(Match.of("DAG_RUNNER", "runner")).isEqualTo(Match.WORD);
		assertThat(Match.of("Deploy Bot", "bot")).isEqualTo(Match.WORD);
		assertThat(Match.of("Ci Deploy Token", "deploy t")).isEqualTo(Match.WORD);
		assertThat(Match.of("Équipe données", "quipe")).isEqualTo(Match.INSIDE);
		assertThat(Match.of("Deploy Bot", "bots")).isEqualTo(Match.NONE);
	}

	@Test
	void theBestMatchesAreTheOnlyOnesKeptInTheirOrder() {
		assertThat(Match.best(List.of("Deploy Bot", "deploy-b", "Ci Deploy", "nothing"), t -> Match.of(t, "deploy")))
			.containsExactly("Deploy Bot", "deploy-b");
		assertThat(Match.best(List.of("Ci Deploy", "redeploy", "nothing"), t -> Match.of(t, "deploy")))
			.containsExactly("Ci Deploy");
		assertThat(Match.best(List.of("nothing"), t -> Match.of(t, "deploy"))).isEmpty();
	}

}
