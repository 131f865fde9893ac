package dev.astroshell.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The application on a {@link VirtualTerminal}, with the {@link DemoCommands}; one cached context for these tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import({ VirtualTerminal.Config.class, DemoCommands.Config.class })
public @interface ShellTestContext {

}
