package dev.astroshell.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The sandbox is started early for the REPL only: a one-shot command starts it only if it calls the API. */
class SessionConfigurationTest {

	Session session = mock(Session.class);

	ConfigurableApplicationContext context = mock(ConfigurableApplicationContext.class);

	void start(String... args) {
		when(context.getBean(Session.class)).thenReturn(session);
		new SessionConfiguration()
			.start(new ApplicationStartedEvent(new SpringApplication(), args, context, Duration.ZERO));
	}

	@Test
	void theReplWarmsUpTheSandbox() {
		start();
		verify(session).warmUp();
	}

	@Test
	void aOneShotCommandDoesNot() {
		start("help");
		verify(session, never()).warmUp();
	}
}
