package dev.astroshell.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.gateway.Waits;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

	/** Read through Spring's environment, which holds the process's: a test starting the application can give its own. */
	@Bean
	AppDirs appDirs(Environment environment) {
		return AppDirs.from(environment::getProperty, System.getProperty("user.home"));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ConfigStore configStore(AppDirs dirs, Clock clock) {
		ConfigStore store = new ConfigStore(dirs.configFile(), clock);
		store.tidy();
		return store;
	}

	@Bean
	Session session(ConfigStore store, BuiltInSandbox sandbox, AstroApiFactory clients, AstroProperties properties,
			ApplicationEventPublisher events, Clock clock, Waits waits) {
		return new Session(store, sandbox, clients, properties, events, clock,
				System.getenv(), waits);
	}

	@Bean
	ListCache listCache(Clock clock) {
		return new ListCache(Duration.ofSeconds(60), clock);
	}

	/**
	 * Before the first prompt: announce the saved context (the prompt shows it at once) and, for the REPL or a script
	 * on stdin (no arguments), start the sandbox in the background when it is the current context. A one-shot command
	 * starts it only if it calls the API, so that {@code help} or a command against another context never pays for it
	 * (and {@code sandbox serve} opens no listener but the one it announces). Nothing to announce while the config
	 * is damaged: the first command (or the REPL) reports it.
	 */
	@EventListener
	void start(ApplicationStartedEvent event) {
		Session session = event.getApplicationContext().getBean(Session.class);
		if (session.configProblem().isPresent()) {
			return;
		}
		event.getApplicationContext().publishEvent(new SessionChangedEvent(session.current()));
		if (event.getArgs().length == 0) {
			session.warmUp();
		}
	}
}
