package dev.astroshell.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.astroshell.testing.SandboxFixture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a {@link VirtualTerminal} with its real prompter, the {@link DemoCommands} and the
 * {@link SandboxFixture}; one cached context for these tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import({ VirtualTerminal.Config.class, DemoCommands.Config.class, SandboxFixture.Config.class })
public @interface ShellTestContext {

}
