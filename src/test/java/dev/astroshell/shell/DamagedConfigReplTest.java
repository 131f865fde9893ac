package dev.astroshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.AstroApiFactory;
import dev.astroshell.gateway.Waits;
import dev.astroshell.session.BuiltInSandbox;
import dev.astroshell.session.ConfigStore;
import dev.astroshell.session.Session;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.PromptProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPL starts on a damaged config, says what is wrong, and goes on. */
@ShellTestContext
class DamagedConfigReplTest {

	@TempDir
	Path dir;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellDriver shell;

	@Autowired
	ShellExecutor executor;

	@Autowired
	ShellMode mode;

	@Autowired
	LineReader lineReader;

	@Autowired
	PromptProvider prompt;

	@AfterEach
	void endRepl() {
		mode.endRepl();
	}

	@Test
	void theReplShowsTheProblemAndKeepsRunning(@Autowired BuiltInSandbox sandbox, @Autowired AstroApiFactory clients,
			@Autowired AstroProperties properties) throws Exception {
		Path config = Files.writeString(dir.resolve("config.yaml"), "current-context: [x]\n");
		Session session = new Session(new ConfigStore(config), sandbox, clients, properties, event -> {
		}, Clock.systemUTC(), Map.of(), new Waits());
		ShellRunner runner = new ShellRunner(executor, mode, lineReader, prompt, session, true);
		tty.clear();
		var repl = shell.async(() -> {
			runner.repl(); // run() would read a test JVM's stdin as a script
			return runner.getExitCode();
		});
		tty.awaitScreen("Error: the config file " + config + " is damaged (line 1: current-context must be a string");
		tty.awaitScreen("]> ");
		tty.type("help\r");
		tty.awaitScreen("deployment token update");
		tty.type("exit\r");
		assertThat(repl.get(10, TimeUnit.SECONDS)).isZero();
	}

}
