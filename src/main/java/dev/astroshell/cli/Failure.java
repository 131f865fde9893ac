package dev.astroshell.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;

import dev.astroshell.api.ApiException;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionFailedException;

/**
 * A failed command as the user sees it: its exit code and one line. The one mapping for every command; the shell
 * adapter strips the framework's own wrapper before handing an exception here.
 * @param cause the unwrapped exception, for {@code --debug}
 */
public record Failure(int exitCode, String message, Throwable cause) {

	static final String TOKEN_INVALID = "the API token is no longer valid; run 'login' again";

	/** 'login' cannot help: the environment's token takes precedence over any saved login. */
	static final String ENVIRONMENT_TOKEN_INVALID = "the API token in ASTRO_API_TOKEN is no longer valid;"
			+ " fix or unset ASTRO_API_TOKEN";

	static final String INTERRUPTED = "interrupted";

	/** @param environmentToken the credential in use comes from {@code ASTRO_API_TOKEN} */
	public static Failure of(Throwable thrown, boolean environmentToken) {
		Throwable t = unwrap(thrown);
		if (interrupted(t)) {
			return new Failure(ExitCodes.USAGE, INTERRUPTED, t);
		}
		if (t instanceof CliException cli) {
			return new Failure(cli.exitCode(), cli.getMessage(), t);
		}
		if (t instanceof ApiException api) {
			return api.isUnauthorized()
					? new Failure(ExitCodes.AUTH, environmentToken ? ENVIRONMENT_TOKEN_INVALID : TOKEN_INVALID, t)
					: new Failure(ExitCodes.FAILURE, api.getMessage(), t);
		}
		if (t instanceof ConversionFailedException conversion) {
			return new Failure(ExitCodes.USAGE, "invalid value '" + conversion.getValue() + "' (expected "
					+ conversion.getTargetType().getType().getSimpleName() + ")", t);
		}
		if (t instanceof ConversionException || t instanceof IllegalArgumentException) {
			return new Failure(ExitCodes.USAGE, words(t), t);
		}
		return new Failure(ExitCodes.FAILURE, words(t), t);
	}

	/** The exception's message, or for one without: what it is, never the word "null". */
	private static String words(Throwable t) {
		String message = t.getMessage();
		return message == null || message.isBlank() || message.equals("null")
				? "unexpected " + t.getClass().getSimpleName() + " without a message (--debug shows where)" : message;
	}

	/** Ctrl-C while a command waits (e.g. on a slow API): Reactor's block() rethrows the interrupt wrapped. */
	private static boolean interrupted(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof InterruptedException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable t = thrown;
		while (t.getCause() != null && (t instanceof InvocationTargetException
				|| t instanceof UndeclaredThrowableException)) {
			t = t.getCause();
		}
		return t;
	}

	/** The one line a failure shows: a message quoting the server cannot add lines or controls. */
	public static String errorLine(String message) {
		return "Error: " + TerminalText.oneLine(message);
	}

}
