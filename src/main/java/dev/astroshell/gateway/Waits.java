package dev.astroshell.gateway;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.astroshell.api.AstroApi;
import dev.astroshell.api.Organization;
import dev.astroshell.api.Workspace;
import dev.astroshell.cli.Progress;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The waits of the running command: the shell hands each command's {@link Progress} here for the time it runs
 * ({@link #showing}), and every blocking call of the application is one task of it, labelled by its caller. Commands
 * run one at a time on the shell's thread, so one field is enough; other threads (completion, background work) show
 * nothing, whatever runs meanwhile. The command's error stream comes with it, for a warning that goes on
 * ({@link #warn}) and must stay out of its output (a secret printed alone, JSON).
 */
@Component
public class Waits {

	private volatile Progress progress = Progress.NONE;

	private volatile PrintWriter err;

	private volatile Thread owner;

	/**
	 * Runs {@code body} with the waits of the calling thread shown on {@code shown}, and its warnings written on
	 * {@code err}; the shell wraps each command in it.
	 */
	public <T> T showing(Progress shown, PrintWriter err, Callable<T> body) throws Exception {
		Progress outerProgress = progress;
		PrintWriter outerErr = this.err;
		Thread outerOwner = owner;
		progress = shown;
		this.err = err;
		owner = Thread.currentThread();
		try {
			return body.call();
		}
		finally {
			progress = outerProgress;
			this.err = outerErr;
			owner = outerOwner;
		}
	}

	/**
	 * {@code Warning: <line>} on the running command's error stream; outside a command (a use case driven directly),
	 * on the process's.
	 */
	public void warn(String line) {
		PrintWriter commandErr = Thread.currentThread() == owner ? err : null;
		PrintWriter to = commandErr != null ? commandErr : new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		to.println("Warning: " + line);
		to.flush();
	}

	/** The running command's progress on its own thread; on any other, one that shows nothing. */
	Progress progress() {
		return Thread.currentThread() == owner ? progress : Progress.NONE;
	}

	/** Blocks for {@code call}, shown as one task with this label. */
	<T> T await(Progress.Label label, Mono<T> call) {
		try (Progress.Task task = progress().start(label)) {
			return call.block();
		}
	}

	/** E14 with a credential not bound yet (a login): the organization's name. */
	public Organization organization(AstroApi api, String organizationId) {
		return await(Progress.Label.of("fetching organization"), api.getOrganization(organizationId));
	}

	/** E12 with a credential not bound yet (a login): the workspace's name. */
	public Workspace workspace(AstroApi api, String organizationId, String workspaceId) {
		return await(Progress.Label.of("fetching workspace"), api.getWorkspace(organizationId, workspaceId));
	}
}
