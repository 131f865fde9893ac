package dev.astroshell.session;

import java.net.URI;

/**
 * The in-process sandbox as the session sees it: where it listens and its development token. Implemented by the
 * sandbox package, so that the session and the client never depend on the server's code.
 */
public interface BuiltInSandbox {

	/** Starts the server in the background, if it is not up yet, so that the first command does not wait on it. */
	void warmUp();

	/** The sandbox's API base URL ({@code http://127.0.0.1:<port>/v1}); waits for the server to be up. */
	URI baseUrl();

	/** An organization-owner token the shell uses to log in to the sandbox. */
	String developmentToken();
}
