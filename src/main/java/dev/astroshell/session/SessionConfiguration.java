package dev.astroshell.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApiFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

	@Bean
	AppDirs appDirs() {
		return AppDirs.fromEnvironment();
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
			ApplicationEventPublisher events, Clock clock) {
		return new Session(store, sandbox, clients, properties, events, clock,
				System.getenv());
	}

	@Bean
	ListCache listCache(Clock clock) {
		return new ListCache(Duration.ofSeconds(60), clock);
	}

	/**
	 * Before the first prompt: announce the saved context (the prompt shows it at once) and start the sandbox in the
	 * background when it is the current context — unless the command line is a {@code sandbox} command, which serves
	 * or manages the sandbox itself ({@code sandbox serve} must open no listener but the one it announces). Nothing to
	 * announce while the config is damaged: the first command (or the REPL) reports it.
	 */
	@EventListener
	void start(ApplicationStartedEvent event) {
		Session session = event.getApplicationContext().getBean(Session.class);
		if (session.configProblem().isPresent()) {
			return;
		}
		event.getApplicationContext().publishEvent(new SessionChangedEvent(session.current()));
		if (!isSandboxCommand(event.getArgs())) {
			session.warmUp();
		}
	}

	/** The first word other than {@code --debug} is {@code sandbox}. */
	static boolean isSandboxCommand(String[] args) {
		return Arrays.stream(args).filter(arg -> !arg.equals("--debug")).findFirst().orElse("").equals("sandbox");
	}
}
