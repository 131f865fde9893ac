package dev.astroshell.token;

import java.util.Objects;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.PromptCancelledException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Service;

/** Rotating and deleting deployment tokens (spec §2.2), each behind a warning and a confirmation. */
@Service
public class TokenLifecycle {

	static final String ROTATE_WARNING = "WARNING: API Token rotation will invalidate the current token and cannot be undone.";

	static final String DELETE_WARNING = "WARNING: API token deletion cannot be undone.";

	static final String ROTATE_CANCELED = "Canceling token rotation";

	static final String DELETE_CANCELED = "Canceling API Token deletion";

	static final String REMOVE_CANCELED = "Canceling API Token removal";

	private final TokenContext context;

	private final Tokens lists;

	private final TokenResolver resolver;

	private final RoleWrites roleWrites;

	private final ReadBack readBack;

	private final Prompter prompter;

	TokenLifecycle(TokenContext context, Tokens lists, TokenResolver resolver, RoleWrites roleWrites,
			ReadBack readBack, Prompter prompter) {
		this.context = context;
		this.lists = lists;
		this.resolver = resolver;
		this.roleWrites = roleWrites;
		this.readBack = readBack;
		this.prompter = prompter;
	}

	/**
	 * Rotates a deployment token: never retried; when the answer is lost, the token is read back to tell whether the
	 * old secret is dead, and when that fails too, the rotation is reported as one that may have happened.
	 * @return the rotated token with its new secret, or null when the user declined
	 */
	public ApiToken rotate(String tokenId, String name, boolean force, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		Where where = new Where(deploymentId, null);
		ApiToken token = resolver.resolve(TokenLookup.DEPLOYMENT_TOKEN_TO_ROTATE, where, tokenId, name);
		if (!confirmed(force, ROTATE_WARNING + "\nAre you sure you want to rotate the "
				+ name(token) + " API token?", "rotate", ROTATE_CANCELED)) {
			return null;
		}
		try {
			ApiToken rotated = Apis.await(context.api().rotateToken(context.organizationId(), token.id()));
			lists.invalidate();
			return rotated;
		}
		catch (ApiException e) {
			lists.invalidate();
			if (!ReadBack.answerLost(e)) {
				throw e;
			}
			throw rotatedOrNot(token, e);
		}
	}

	/** After a rotation whose answer was lost: a new short token or rotation time on the token says it happened. */
	private CliException rotatedOrNot(ApiToken before, ApiException lost) {
		String what = "the rotation of " + before.name() + " (" + before.id() + ")";
		ApiToken now;
		try {
			now = readBack.token(before.id(), what, lost);
		}
		catch (CliException unknown) {
			return new CliException(unknown.getMessage() + "; if it happened, the old token no longer works: rotate "
					+ "again to get a usable secret", ExitCodes.FAILURE, lost);
		}
		if (now == null) {
			return ReadBack.gone(before, lost);
		}
		boolean rotated = !Objects.equals(before.shortToken(), now.shortToken())
				|| !Objects.equals(before.lastRotatedAt(), now.lastRotatedAt());
		if (rotated) {
			return new CliException(what + " happened " + ReadBack.CONFIRMED + ", but the new secret was lost with "
					+ "the answer and the old token no longer works: rotate again to get a usable secret",
					ExitCodes.FAILURE, lost);
		}
		return ReadBack.notDone("the token " + before.name() + " was not rotated and its old secret still works", lost);
	}

	/**
	 * Deletes a DEPLOYMENT token (E7); a workspace or organization token is only removed from the deployment (its
	 * role there dropped, every other role kept).
	 * @return the message to print
	 */
	public String delete(String tokenId, String name, boolean force, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		ApiToken token = resolver.resolve(TokenLookup.ANY_TOKEN_ON_DEPLOYMENT, new Where(deploymentId, null), tokenId,
				name);
		if (token.scope() == TokenScope.DEPLOYMENT) {
			if (!confirmed(force, DELETE_WARNING + "\nAre you sure you want to delete the " + name(token)
					+ " API token?", "delete", DELETE_CANCELED)) {
				return DELETE_CANCELED;
			}
			String deleted = "Astro Deployment API token " + name(token) + " was successfully deleted";
			try {
				Apis.await(context.api().deleteToken(context.organizationId(), token.id()));
			}
			catch (ApiException e) {
				if (!ReadBack.answerLost(e)) {
					throw e;
				}
				if (readBack.token(token.id(), "the deletion of " + token.name(), e) != null) {
					throw ReadBack.notDone("the token " + token.name() + " was not deleted", e);
				}
				return deleted + " " + ReadBack.CONFIRMED;
			}
			finally {
				lists.invalidate();
			}
			return deleted;
		}
		String kind = TokenLookup.kind(token.scope());
		if (!confirmed(force, "The " + kind + " API token " + name(token) + " will lose its role "
				+ token.deploymentRole(deploymentId) + " on this Deployment; its other roles are kept.\n"
				+ "Are you sure you want to remove it from the Deployment?", "delete", REMOVE_CANCELED)) {
			return REMOVE_CANCELED;
		}
		String note = roleWrites.setDeploymentRole(token, deploymentId, null);
		return "Astro " + kind + " API token " + name(token) + " was successfully removed from the Deployment"
				+ (note == null ? "" : " " + note);
	}

	/** @throws PromptCancelledException on Esc or Ctrl-C, in the words of {@code canceled}, the line "n" gives */
	private boolean confirmed(boolean force, String question, String verb, String canceled) {
		if (force) {
			return true;
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("confirmation needed: pass --force to " + verb + " without asking");
		}
		return prompter.confirm(question, false, canceled);
	}

	/** A server's name on one line: in a question or a success line, a line break in it cannot fake another line. */
	private static String name(ApiToken token) {
		return TerminalText.oneLine(token.name());
	}

}
