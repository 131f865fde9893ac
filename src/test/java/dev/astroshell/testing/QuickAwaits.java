package dev.astroshell.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility checks a condition at once and then every 10 ms, instead of first after 100 ms and then every 100 ms:
 * most waits in the suite are for what a terminal has already drawn or is about to, and the default cost each at
 * least 100 ms. Registered for every test class (see junit-platform.properties).
 */
public class QuickAwaits implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
	}

}
