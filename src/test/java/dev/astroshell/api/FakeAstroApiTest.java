package dev.astroshell.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake fails loudly: on a call nobody expected, and when an expected call never came. */
class FakeAstroApiTest {

	@Test
	void anUnexpectedCallFailsAtOnce() {
		FakeAstroApi api = new FakeAstroApi();
		api.expect("getToken", "org-1", "t1").reply(null);
		assertThatThrownBy(() -> api.deleteToken("org-1", "t1")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("unexpected call deleteToken(org-1, t1)")
			.hasMessageContaining("getToken(org-1, t1)");
		assertThatThrownBy(() -> api.getToken("org-1", "t2")).isInstanceOf(AssertionError.class);
	}

	@Test
	void eachExpectationAnswersOnceAndAMissingCallIsReported() {
		FakeAstroApi api = new FakeAstroApi();
		api.expect("getOrganization", FakeAstroApi.ANY).fail(FakeAstroApi.status(503, "down"));
		api.expect("getSelf").reply(null);
		assertThatThrownBy(() -> api.getOrganization("org-1").block()).isInstanceOf(ApiException.class)
			.hasMessage("down");
		assertThatThrownBy(() -> api.getOrganization("org-1")).isInstanceOf(AssertionError.class);
		assertThatThrownBy(api::verifyAllCalled).isInstanceOf(AssertionError.class).hasMessageContaining("getSelf()");
		assertThat(api.calls()).containsExactly("getOrganization(org-1)", "getOrganization(org-1)");
	}

	@Test
	void anUnknownEndpointIsATestBug() {
		assertThatThrownBy(() -> new FakeAstroApi().expect("getTokn", "org-1")).isInstanceOf(
				IllegalArgumentException.class);
	}
}
