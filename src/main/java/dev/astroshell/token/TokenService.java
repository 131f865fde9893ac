package dev.astroshell.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.AstroApi;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.UpdateTokenRolesRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.prompt.NotInteractiveException;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.session.Apis;
import dev.astroshell.session.Session;

import org.springframework.stereotype.Service;

/**
 * The logic of the deployment token commands: which token (by ID, exact name or selection), which role, validation
 * before any write, and the two-step write of an update with its restore.
 */
@Service
public class TokenService {

	static final String SELECT_ROLE = "Please select a role for the Deployment API token:";

	static final String WRONG_TYPE = "the token selected is not of the type you are trying to modify";

	private final Session session;

	private final Tokens tokens;

	private final Deployments deployments;

	private final Prompter prompter;

	private final Clock clock;

	public TokenService(Session session, Tokens tokens, Deployments deployments, Prompter prompter, Clock clock) {
		this.session = session;
		this.tokens = tokens;
		this.deployments = deployments;
		this.prompter = prompter;
		this.clock = clock;
	}

	// ---- update (spec §2.1)

	public UpdateOutcome update(TokenUpdate request) {
		if (request.newName() != null && request.newName().isBlank()) {
			throw CliException.usage("the new name cannot be empty");
		}
		String deploymentId = deployments.resolveId(request.deploymentId());
		ApiToken token = resolve(request.tokenId(), request.name(), deploymentId);
		String oldRole = token.deploymentRole(deploymentId);
		String newRole = decideRole(request.role(), oldRole);
		return write(token, deploymentId, request, oldRole, newRole);
	}

	/** The deployment token the user means: by ID, by exact name, or by selection. */
	ApiToken resolve(String tokenId, String name, String deploymentId) {
		return resolve(tokenId, name, new TokenLookup(TokenScope.DEPLOYMENT, "Deployment",
				() -> Tokens.deploymentScoped(tokens.ofDeployment(deploymentId)), deploymentId, true, null));
	}

	/**
	 * A token by ID (E3, then checked: scope, role on the deployment, owner), by exact name among the lookup's
	 * candidates (duplicates → a selector of the matches), or by selection among them.
	 */
	ApiToken resolve(String tokenId, String name, TokenLookup lookup) {
		if (tokenId != null && !tokenId.isBlank()) {
			ApiToken token = getById(session.organizationId(), tokenId.trim());
			if (!lookup.accepts(token)) {
				throw CliException.usage(WRONG_TYPE);
			}
			if (lookup.mustHaveDeploymentRole() && token.deploymentRole(lookup.deploymentId()) == null) {
				throw CliException.usage("the token " + token.name() + " (" + token.id()
						+ ") does not belong to the deployment " + lookup.deploymentId());
			}
			String refusal = lookup.owner() == null ? null : lookup.owner().refusal(token);
			if (refusal != null) {
				throw CliException.usage(refusal);
			}
			return token;
		}
		List<ApiToken> candidates = lookup.candidates().get().stream().filter(lookup::accepts).toList();
		if (name != null) {
			List<ApiToken> matches = candidates.stream().filter(t -> t.name().equals(name)).toList();
			if (matches.isEmpty()) {
				throw CliException.usage("no " + lookup.label() + " was found for the API token name you provided");
			}
			if (matches.size() == 1) {
				return matches.get(0);
			}
			if (!prompter.isInteractive()) {
				throw new NotInteractiveException("several " + lookup.label() + "s are named '" + name
						+ "'; give TOKEN_ID, one of: " + String.join(", ", matches.stream().map(ApiToken::id).toList()));
			}
			return selectToken(lookup, matches);
		}
		if (!prompter.isInteractive()) {
			throw new NotInteractiveException("no " + lookup.label() + " given: pass TOKEN_ID or --name");
		}
		if (candidates.isEmpty()) {
			throw CliException.failure("no " + lookup.label() + " to choose from");
		}
		return selectToken(lookup, candidates);
	}

	private ApiToken getById(String org, String tokenId) {
		try {
			return Apis.await(session.api().getToken(org, tokenId));
		}
		catch (ApiException e) {
			if (e.isNotFound()) {
				throw new CliException("no API token with the ID " + tokenId + ": " + e.getMessage(),
						dev.astroshell.cli.ExitCodes.FAILURE, e);
			}
			throw e;
		}
	}

	private ApiToken selectToken(TokenLookup lookup, List<ApiToken> choices) {
		List<String> rows = TokenRows.rows(choices, lookup.deploymentId(), clock.instant());
		return choices.get(prompter.select("Please select the " + lookup.label() + ":", rows, 0));
	}

	/**
	 * --role when given (validated); else the role selector in an interactive session, current role first; else the
	 * current role is kept.
	 */
	String decideRole(String requested, String currentRole) {
		if (requested != null) {
			return validRole(requested);
		}
		if (!prompter.isInteractive()) {
			return currentRole;
		}
		return selectRole(currentRole);
	}

	String selectRole(String currentRole) {
		List<String> roles = new ArrayList<>(tokens.deploymentRoles());
		if (currentRole != null && !roles.contains(currentRole)) {
			roles.add(0, currentRole);
		}
		int initial = Math.max(0, roles.indexOf(currentRole));
		List<String> labels = roles.stream().map(r -> r.equals(currentRole) ? r + " (current)" : r).toList();
		return roles.get(prompter.select(SELECT_ROLE, labels, initial));
	}

	/** A role must be DEPLOYMENT_ADMIN or a custom deployment role; checked before any write. */
	String validRole(String role) {
		String r = role.trim();
		if (r.equals(Tokens.DEPLOYMENT_ADMIN)) {
			return r;
		}
		List<String> valid = tokens.deploymentRoles();
		if (!valid.contains(r)) {
			throw CliException.usage("invalid role '" + role + "': use one of " + String.join(", ", valid));
		}
		return r;
	}

	private UpdateOutcome write(ApiToken token, String deploymentId, TokenUpdate request, String oldRole,
			String newRole) {
		AstroApi api = session.api();
		String org = session.organizationId();
		String name = request.newName() != null ? request.newName() : token.name();
		String description = request.description() != null ? request.description() : token.description();
		ApiToken renamed = Apis.await(api.updateToken(org, token.id(), new UpdateTokenRequest(name, description)));
		tokens.invalidate();
		if (!Objects.equals(oldRole, newRole)) {
			try {
				Apis.await(api.updateTokenRoles(org, token.id(), withDeploymentRole(token, deploymentId, newRole)));
			}
			catch (ApiException roleFailure) {
				throw new CliException(restore(api, org, token, renamed, roleFailure), dev.astroshell.cli.ExitCodes.FAILURE,
						roleFailure);
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

	/** The token's whole role set with only this deployment's entry replaced (DAG and other roles kept). */
	static UpdateTokenRolesRequest withDeploymentRole(ApiToken token, String deploymentId, String role) {
		List<TokenRole> roles = new ArrayList<>();
		boolean replaced = false;
		for (TokenRole r : token.roles()) {
			if (!replaced && r.entityType() == EntityType.DEPLOYMENT && r.entityId().equals(deploymentId)) {
				if (role != null) {
					roles.add(TokenRole.deployment(deploymentId, role));
				}
				replaced = true;
			}
			else {
				roles.add(r);
			}
		}
		if (!replaced && role != null) {
			roles.add(TokenRole.deployment(deploymentId, role));
		}
		return new UpdateTokenRolesRequest(roles);
	}

	// ---- list and create (spec §2.2)

	/** Every token with a role on the (resolved) deployment. */
	public List<ApiToken> list(String deploymentId) {
		return tokens.ofDeployment(deploymentId);
	}

	public ApiToken create(String name, String description, String role, Integer expirationDays,
			String deploymentIdOption) {
		if (expirationDays != null && (expirationDays < 1 || expirationDays > 3650)) {
			throw CliException.usage("invalid --expiration " + expirationDays + ": use a number of days from 1 to 3650");
		}
		if (name != null && name.isBlank()) {
			throw CliException.usage("the token name cannot be empty");
		}
		String deploymentId = deployments.resolveId(deploymentIdOption);
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
		String tokenRole;
		if (role != null) {
			tokenRole = validRole(role);
		}
		else if (!prompter.isInteractive()) {
			throw new NotInteractiveException("missing role: pass --role (DEPLOYMENT_ADMIN or a custom deployment role)");
		}
		else {
			tokenRole = selectRole(null);
		}
		ApiToken created = Apis.await(session.api()
			.createToken(session.organizationId(), new CreateTokenRequest(tokenName, tokenRole, TokenScope.DEPLOYMENT,
					description, deploymentId, null, expirationDays)));
		tokens.invalidate();
		return created;
	}

}
