package dev.astroshell.token;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Service;

/** Rotating and deleting deployment tokens (spec §2.2), each behind a warning and a confirmation. */
@Service
public class TokenLifecycle {

	static final String ROTATE_WARNING = "WARNING: API Token rotation will invalidate the current token and cannot be undone.";

	static final String DELETE_WARNING = "WARNING: API token deletion cannot be undone.";

	private final TokenContext context;

	private final Tokens lists;

	private final TokenResolver resolver;

	private final RoleWrites roleWrites;

	private final Prompter prompter;

	TokenLifecycle(TokenContext context, Tokens lists, TokenResolver resolver, RoleWrites roleWrites,
			Prompter prompter) {
		this.context = context;
		this.lists = lists;
		this.resolver = resolver;
		this.roleWrites = roleWrites;
		this.prompter = prompter;
	}

	/**
	 * Rotates a deployment token: never retried, and a request that may have reached the server is reported as
	 * such, since the old secret may already be dead.
	 * @return the rotated token with its new secret, or null when the user declined
	 */
	public ApiToken rotate(String tokenId, String name, boolean force, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		ApiToken token = resolver.resolve(TokenLookup.DEPLOYMENT_TOKEN, new Where(deploymentId, null), tokenId, name);
		if (!confirmed(force, ROTATE_WARNING + "\nAre you sure you want to rotate the " + token.name() + " API token?",
				"rotate")) {
			return null;
		}
		try {
			ApiToken rotated = Apis.await(context.api().rotateToken(context.organizationId(), token.id()));
			lists.invalidate();
			return rotated;
		}
		catch (ApiException e) {
			if (e.kind() == ApiException.Kind.TRANSPORT) {
				lists.invalidate();
				throw new CliException("the rotation of " + token.name() + " (" + token.id()
						+ ") may have happened; the old token may no longer work (" + e.getMessage()
						+ "). Run 'deployment token list' to check; rotate again to get a usable secret",
						ExitCodes.FAILURE, e);
			}
			throw e;
		}
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
			if (!confirmed(force, DELETE_WARNING + "\nAre you sure you want to delete the " + token.name()
					+ " API token?", "delete")) {
				return "Canceling API Token deletion";
			}
			Apis.await(context.api().deleteToken(context.organizationId(), token.id()));
			lists.invalidate();
			return "Astro Deployment API token " + token.name() + " was successfully deleted";
		}
		String kind = TokenLookup.kind(token.scope());
		if (!confirmed(force, "The " + kind + " API token " + token.name() + " will lose its role "
				+ token.deploymentRole(deploymentId) + " on this Deployment; its other roles are kept.\n"
				+ "Are you sure you want to remove it from the Deployment?", "delete")) {
			return "Canceling API Token removal";
		}
		roleWrites.setDeploymentRole(token, deploymentId, null);
		return "Astro " + kind + " API token " + token.name() + " was successfully removed from the Deployment";
	}

	private boolean confirmed(boolean force, String question, String verb) {
		if (force) {
			return true;
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("confirmation needed: pass --force to " + verb + " without asking");
		}
		return prompter.confirm(question, false);
	}

}
