package dev.astroshell.token;

import java.util.Objects;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.AstroApi;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Service;

/**
 * deployment token list, create and update: validation before any write, and the two-step write of an update with
 * its restore.
 */
@Service
public class TokenService {

	private final TokenContext context;

	private final Tokens tokens;

	private final TokenResolver resolver;

	private final RoleChooser roles;

	private final RoleWrites roleWrites;

	private final Prompter prompter;

	TokenService(TokenContext context, Tokens tokens, TokenResolver resolver, RoleChooser roles, RoleWrites roleWrites,
			Prompter prompter) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrites = roleWrites;
		this.prompter = prompter;
	}

	// ---- update (spec §2.1)

	public UpdateOutcome update(TokenUpdate request) {
		if (request.newName() != null && request.newName().isBlank()) {
			throw CliException.usage("the new name cannot be empty");
		}
		String deploymentId = context.deploymentId(request.deploymentId());
		ApiToken token = resolver.resolve(TokenLookup.DEPLOYMENT_TOKEN, new Where(deploymentId, null),
				request.tokenId(), request.name());
		String oldRole = token.deploymentRole(deploymentId);
		String newRole = roles.forUpdate(request.role(), oldRole);
		return write(token, deploymentId, request, oldRole, newRole);
	}

	private UpdateOutcome write(ApiToken token, String deploymentId, TokenUpdate request, String oldRole,
			String newRole) {
		AstroApi api = context.api();
		String org = context.organizationId();
		String name = request.newName() != null ? request.newName() : token.name();
		String description = request.description() != null ? request.description() : token.description();
		ApiToken renamed = Apis.await(api.updateToken(org, token.id(), new UpdateTokenRequest(name, description)));
		tokens.invalidate();
		if (!Objects.equals(oldRole, newRole)) {
			try {
				roleWrites.setDeploymentRole(token, deploymentId, newRole);
			}
			catch (ApiException roleFailure) {
				throw new CliException(restore(api, org, token, renamed, roleFailure), ExitCodes.FAILURE, roleFailure);
			}
		}
		return new UpdateOutcome(token, renamed, oldRole, newRole);
	}

	/** Puts the old name and description back after a failed role change, and says how it went. */
	private String restore(AstroApi api, String org, ApiToken before, ApiToken renamed, ApiException roleFailure) {
		String failed = "the role of " + before.name() + " was not changed: " + roleFailure.getMessage();
		boolean renameHappened = !Objects.equals(before.name(), renamed.name())
				|| !Objects.equals(before.description(), renamed.description());
		if (!renameHappened) {
			return failed;
		}
		try {
			Apis.await(api.updateToken(org, before.id(), new UpdateTokenRequest(before.name(), before.description())));
			return failed + "; the name and description were restored";
		}
		catch (ApiException restoreFailure) {
			return failed + "; restoring the old name and description also failed (" + restoreFailure.getMessage()
					+ "): the token is now named " + renamed.name();
		}
	}

	// ---- list and create (spec §2.2)

	/** Every token with a role on the deployment ({@code --deployment-id}, else the current one), all scopes. */
	public TokenListing list(String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		return new TokenListing(deploymentId, tokens.ofDeployment(deploymentId));
	}

	public ApiToken create(String name, String description, String role, Integer expirationDays,
			String deploymentIdOption) {
		if (expirationDays != null && (expirationDays < 1 || expirationDays > 3650)) {
			throw CliException.usage("invalid --expiration " + expirationDays + ": use a number of days from 1 to 3650");
		}
		if (name != null && name.isBlank()) {
			throw CliException.usage("the token name cannot be empty");
		}
		String deploymentId = context.deploymentId(deploymentIdOption);
		String tokenName = name;
		if (tokenName == null) {
			if (!prompter.isInteractive()) {
				throw new NotInteractiveException("missing token name: pass --name");
			}
			tokenName = prompter.input("Enter a name for the new Deployment API token: ", null);
			if (tokenName == null || tokenName.isBlank()) {
				throw CliException.usage("the token name cannot be empty");
			}
		}
		String tokenRole = roles.forCreate(role);
		ApiToken created = Apis.await(context.api()
			.createToken(context.organizationId(), new CreateTokenRequest(tokenName, tokenRole, TokenScope.DEPLOYMENT,
					description, deploymentId, null, expirationDays)));
		tokens.invalidate();
		return created;
	}

}
