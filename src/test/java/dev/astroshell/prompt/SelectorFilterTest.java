package dev.astroshell.prompt;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.shell.ShellTestContext;
import dev.astroshell.shell.VirtualTerminal;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing filters a selector, spaces included: role and token names have spaces ("Deploy Bot", "Ci Deploy Token"). */
@ShellTestContext
class SelectorFilterTest {

	@Autowired
	JLinePrompter prompter;

	@Autowired
	ShellDriver shell;

	@Autowired
	VirtualTerminal tty;

	@Autowired
	ShellMode mode;

	@BeforeEach
	void repl() {
		mode.startRepl();
		tty.clear();
	}

	@AfterEach
	void endRepl() {
		mode.endRepl();
	}

	@Test
	void aSpaceIsPartOfTheFilter() throws Exception {
		var choice = shell.async(() -> prompter.select("Pick a role:", List.of("DEPLOYMENT_ADMIN", "Deploybot", "Deploy Bot"), 0));
		tty.awaitScreen("Deploy Bot");
		tty.type("deploy b\r");
		assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo(2);
	}
}
