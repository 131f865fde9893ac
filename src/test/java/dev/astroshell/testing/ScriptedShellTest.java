package dev.astroshell.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.shell.VirtualTerminal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the in-process sandbox, with a {@link ScriptedPrompter} answering (and policing) every
 * prompt; run commands with {@code ShellDriver}, hold their requests with the {@link RequestGate}. One cached context
 * for every class that carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import({ VirtualTerminal.Config.class, ScriptedPrompter.Config.class, SandboxFixture.Config.class,
		RequestGate.Config.class })
public @interface ScriptedShellTest {

}
