package dev.astroshell.token;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a command method: the {@link TokenLookup} its service resolves the token with, which Tab completes its
 * TOKEN_ID and name option from ({@link TokenCompletion}), so that completion and resolution cannot disagree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface LooksUp {

	TokenLookup value();

}
