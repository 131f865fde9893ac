package dev.astroshell.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an option or argument of a command method: the {@link Completer} (a bean) that proposes its values, one per
 * kind of value, as gh registers a completion function beside each flag.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CompletedBy {

	Class<? extends Completer> value();

}
