package dev.astroshell.token;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.TokenScope;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Renderer;
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

	private final ReadBack readBack;

	private final Prompter prompter;

	TokenService(TokenContext context, Tokens tokens, TokenResolver resolver, RoleChooser roles, RoleWrites roleWrites,
			ReadBack readBack, Prompter prompter) {
		this.context = context;
		this.tokens = tokens;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrites = roleWrites;
		this.readBack = readBack;
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
		// the role selector is for the seed's forms that name nothing but the token; a rename keeps the role
		boolean onlyTheTokenNamed = request.newName() == null && request.description() == null;
		String newRole = roles.forUpdate(token, deploymentId, request.role(), onlyTheTokenNamed);
		String name = request.newName() != null ? request.newName() : token.name();
		String description = request.description() != null ? request.description() : token.description();
		UpdateTokenRequest asked = new UpdateTokenRequest(name, description);
		if (hasNameAndDescription(token, asked) && Objects.equals(oldRole, newRole)) {
			return new UpdateOutcome(token, token, oldRole, newRole, null); // nothing to change: no write at all
		}
		return write(token, deploymentId, asked, oldRole, newRole);
	}

	private UpdateOutcome write(ApiToken token, String deploymentId, UpdateTokenRequest asked, String oldRole,
			String newRole) {
		ApiToken renamed;
		String note = null;
		try {
			renamed = Apis.await(context.api().updateToken(context.organizationId(), token.id(), asked));
		}
		catch (ApiException e) {
			tokens.invalidate();
			if (!ReadBack.answerLost(e)) {
				throw e;
			}
			renamed = readBack.token(token.id(), "the update of " + token.name(), e);
			if (renamed == null) {
				throw ReadBack.gone(token, e);
			}
			if (!hasNameAndDescription(renamed, asked)) {
				throw ReadBack.notDone("the token " + token.name() + " was not changed", e);
			}
			note = ReadBack.CONFIRMED;
		}
		tokens.invalidate();
		if (!Objects.equals(oldRole, newRole)) {
			String roleNote = writeRole(token, renamed, deploymentId, newRole);
			note = note == null ? roleNote : roleNote == null || roleNote.equals(note) ? note : note + " " + roleNote;
		}
		return new UpdateOutcome(token, renamed, oldRole, newRole, note);
	}

	/**
	 * E5 after E4. When the role change is known not to have happened (a clear refusal, or a lost answer and a
	 * read-back showing the old role), the rename is undone; when its outcome is unknown, nothing is compensated.
	 */
	private String writeRole(ApiToken before, ApiToken renamed, String deploymentId, String newRole) {
		boolean renameHappened = !hasNameAndDescription(renamed,
				new UpdateTokenRequest(before.name(), before.description()));
		try {
			return roleWrites.setDeploymentRole(before, deploymentId, newRole);
		}
		catch (ApiException refused) {
			String failed = "the role of " + before.name() + " was not changed: " + refused.getMessage();
			throw new CliException(renameHappened ? restore(before, renamed, failed) : failed, ExitCodes.FAILURE,
					refused);
		}
		catch (RoleWrites.RoleNotChanged notChanged) {
			throw new CliException(renameHappened ? restore(before, renamed, notChanged.getMessage())
					: notChanged.getMessage(), ExitCodes.FAILURE, notChanged.getCause());
		}
		catch (CliException unknownOrLost) {
			if (!renameHappened) {
				throw unknownOrLost;
			}
			throw new CliException(unknownOrLost.getMessage() + "; the token is now named " + renamed.name(),
					unknownOrLost.exitCode(), unknownOrLost.getCause());
		}
	}

	/** Puts the old name and description back after a failed role change, and says how it went. */
	private String restore(ApiToken before, ApiToken renamed, String failed) {
		UpdateTokenRequest old = new UpdateTokenRequest(before.name(), before.description());
		try {
			Apis.await(context.api().updateToken(context.organizationId(), before.id(), old));
			return failed + "; the name and description were restored";
		}
		catch (ApiException restoreFailure) {
			String failedToo = failed + "; restoring the old name and description also failed ("
					+ restoreFailure.getMessage() + ")";
			if (!ReadBack.answerLost(restoreFailure)) {
				return failedToo + ": the token is now named " + renamed.name();
			}
			ApiToken now;
			try {
				now = Apis.await(context.api().getToken(context.organizationId(), before.id()));
			}
			catch (ApiException readFailure) {
				return failedToo + ", or may have happened: check with `deployment token list`";
			}
			return hasNameAndDescription(now, old) ? failed + "; the name and description were restored "
					+ ReadBack.CONFIRMED : failedToo + ": the token is now named " + now.name();
		}
	}

	private static boolean hasNameAndDescription(ApiToken token, UpdateTokenRequest expected) {
		return Objects.equals(token.name(), expected.name())
				&& Objects.equals(token.description(), expected.description());
	}

	// ---- list and create (spec §2.2)

	/**
	 * Every token with a role on the deployment ({@code --deployment-id}, else the current one), all scopes, written
	 * page by page as it arrives to the writer made for that deployment; only the summaries are kept (in the cache).
	 */
	public void list(String deploymentIdOption, Function<String, Renderer.ListWriter<ApiToken>> writerFor) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		Renderer.ListWriter<ApiToken> out = writerFor.apply(deploymentId);
		tokens.eachPageOfDeployment(deploymentId, out::page);
		out.end();
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
		String tokenRole = roles.forCreate(tokenName, deploymentId, role);
		// its namesakes before the write: after a lost answer, a token of that name not among them is this create's.
		// Only a lost answer needs them: when they cannot be read, E2 still goes out and says what is wrong itself.
		Set<String> namesakes = null;
		ApiException unreadable = null;
		try {
			namesakes = namesakes(tokens.ofDeployment(deploymentId), tokenName);
		}
		catch (ApiException e) {
			unreadable = e;
		}
		try {
			ApiToken created = Apis.await(context.api()
				.createToken(context.organizationId(), new CreateTokenRequest(tokenName, tokenRole,
						TokenScope.DEPLOYMENT, description, deploymentId, null, expirationDays)));
			tokens.invalidate();
			return created;
		}
		catch (ApiException e) {
			tokens.invalidate();
			if (!ReadBack.answerLost(e)) {
				throw e;
			}
			if (namesakes == null) {
				throw new CliException("the creation of " + tokenName + " may have happened (" + e.getMessage()
						+ "; the token list could not be read before it either: " + unreadable.getMessage()
						+ "): check with `deployment token list`", ExitCodes.FAILURE, e);
			}
			throw createdOrNot(tokenName, deploymentId, namesakes, e);
		}
	}

	/**
	 * After a create whose answer was lost: a deployment token of that name that was not there before the write tells
	 * that it happened (a namesake created earlier, even a moment before, is not this one). Either way the secret is
	 * gone: it is only in the answer.
	 */
	private CliException createdOrNot(String name, String deploymentId, Set<String> namesakesBefore,
			ApiException lost) {
		List<ApiToken> list;
		try {
			list = tokens.ofDeployment(deploymentId);
		}
		catch (ApiException readFailure) {
			return ReadBack.mayHaveHappened("the creation of " + name, lost, readFailure);
		}
		List<String> created = list.stream()
			.filter(t -> t.scope() == TokenScope.DEPLOYMENT && t.name().equals(name))
			.map(ApiToken::id)
			.filter(id -> !namesakesBefore.contains(id))
			.toList();
		if (created.isEmpty()) {
			return new CliException("the token " + name + " was not created (confirmed by reading the token list back): "
					+ lost.getMessage(), ExitCodes.FAILURE, lost);
		}
		String ids = String.join(", ", created);
		return new CliException("the token " + name + " was created (" + ids + "; the answer was lost, confirmed by "
				+ "reading the token list back), but its secret was lost with the answer: get a new one with "
				+ "'deployment token rotate " + created.get(created.size() - 1) + "'", ExitCodes.FAILURE, lost);
	}

	private static Set<String> namesakes(List<ApiToken> deploymentTokens, String name) {
		return deploymentTokens.stream()
			.filter(t -> t.scope() == TokenScope.DEPLOYMENT && t.name().equals(name))
			.map(ApiToken::id)
			.collect(Collectors.toSet());
	}

}
