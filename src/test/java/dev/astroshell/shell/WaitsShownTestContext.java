package dev.astroshell.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.astroshell.testing.RequestGate;
import dev.astroshell.testing.SandboxFixture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link ShellTestContext} with every wait shown at once: the progress line and the completion hint have no delay (the
 * other tests' settings put it beyond reach), so that a test of them waits for what it shows, never for a clock; the
 * {@link RequestGate} holds requests for as long as a test looks at their wait. Lists are read in pages of two, so
 * that the seed's few tokens take several pages. One cached context for these tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "astro.shell.progress-delay=0ms", "astro.shell.completion-hint-delay=0ms",
		"astro.api.page-size=2" })
@Import({ VirtualTerminal.Config.class, DemoCommands.Config.class, SandboxFixture.Config.class,
		RequestGate.Config.class })
public @interface WaitsShownTestContext {

}
