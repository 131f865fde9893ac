package dev.astroshell.token;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.token.TokenLookup.Source;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Component;

/** The token a command means, by ID, by exact name or by selection, as its {@link TokenLookup} describes. */
@Component
class TokenResolver {

	/** The wait of E3. */
	static final Label FETCHING_TOKEN = Label.of("fetching token");

	private final TokenContext context;

	private final Tokens tokens;

	private final ApiGateway gateway;

	private final Clock clock;

	TokenResolver(TokenContext context, Tokens tokens, ApiGateway gateway, Clock clock) {
		this.context = context;
		this.tokens = tokens;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** Where the lookup looks: the entity, and the workspace ({@code --workspace-id}, else the current one). */
	Where where(TokenLookup lookup, Place place, String workspaceIdOption) {
		if (lookup.source() != Source.WORKSPACE) {
			return new Where(place, null);
		}
		String workspaceId = workspaceIdOption != null && !workspaceIdOption.isBlank() ? workspaceIdOption.trim()
				: context.currentWorkspaceId();
		if (workspaceId == null) {
			throw CliException.usage("required flag --workspace-id not set. To find valid values, run: workspace list");
		}
		return new Where(place, workspaceId);
	}

	/**
	 * By ID: E3, then the lookup's checks, and a name given beside it must be that token's; by exact name among the
	 * lookup's candidates (duplicates: a selector of the matches), starting from a list read in the last minute when
	 * there is one; else a selector of every candidate.
	 */
	ApiToken resolve(Questions ask, TokenLookup lookup, Where where, String tokenId, String name) {
		if (tokenId != null && !tokenId.isBlank()) {
			ApiToken token = byId(tokenId.trim().toLowerCase(Locale.ROOT)); // IDs are lower-case; astro lower-cases too
			if (name != null && !name.equals(token.name())) {
				throw CliException.usage("TOKEN_ID " + token.id() + " is the token '" + token.name() + "', not '" + name
						+ "': give the ID or the name of one token, or both of the same");
			}
			String refusal = lookup.refusal(token, where);
			if (refusal != null) {
				throw CliException.usage(refusal);
			}
			return token;
		}
		if (name != null) {
			ApiToken recent = fromRecentList(lookup, where, name);
			if (recent != null) {
				return recent;
			}
		}
		List<ApiToken> candidates = lookup.candidates(tokens, where);
		if (name != null) {
			List<ApiToken> matches = candidates.stream().filter(t -> t.name().equals(name)).toList();
			if (matches.isEmpty()) {
				// not found is a failure, as by TOKEN_ID: the command was well formed
				throw CliException.failure("no " + lookup.label() + " was found for the API token name you provided");
			}
			if (matches.size() == 1) {
				return matches.get(0);
			}
			return select(ask, lookup, where, matches, "several " + lookup.label() + "s are named '" + name
					+ "'; give TOKEN_ID, one of: " + String.join(", ", matches.stream().map(ApiToken::id).toList()));
		}
		String noneGiven = "no " + lookup.label() + " given: pass TOKEN_ID or --name";
		if (ask.allowed() && candidates.isEmpty()) {
			throw CliException.failure("no " + lookup.label() + " to choose from");
		}
		return select(ask, lookup, where, candidates, noneGiven);
	}

	/**
	 * The token of that name in a list read less than a minute ago, confirmed by one E3, which is then the token the
	 * command acts on (its whole role list as it is now, as E5 needs). Null, for a fresh list to decide, when no such
	 * list is cached, it does not name exactly one candidate, or the token read disagrees with it: renamed, deleted,
	 * off the deployment or the workspace, another scope.
	 */
	private ApiToken fromRecentList(TokenLookup lookup, Where where, String name) {
		List<TokenSummary> recent = lookup.recentCandidates(tokens, where);
		if (recent == null) {
			return null;
		}
		List<TokenSummary> matches = recent.stream().filter(t -> t.name().equals(name)).toList();
		if (matches.size() != 1) {
			return null;
		}
		ApiToken token;
		try {
			token = gateway.token(FETCHING_TOKEN, matches.get(0).id());
		}
		catch (ApiException e) {
			if (e.isNotFound()) {
				return null;
			}
			throw e;
		}
		return name.equals(token.name()) && lookup.refusal(token, where) == null ? token : null;
	}

	private ApiToken byId(String tokenId) {
		try {
			return gateway.token(FETCHING_TOKEN, tokenId);
		}
		catch (ApiException e) {
			if (e.isNotFound()) {
				throw new CliException("no API token with the ID " + tokenId + ": " + e.getMessage(), ExitCodes.FAILURE,
						e);
			}
			throw e;
		}
	}

	/** The picker lists the tokens in natural order of their names; on a narrow terminal the description gives way. */
	private ApiToken select(Questions ask, TokenLookup lookup, Where where, List<ApiToken> choices, String otherwise) {
		List<ApiToken> sorted = choices.stream().sorted(TokenLists.BY_NAME).toList();
		List<String[]> rows = TokenRows.cells(sorted, where.place(), clock.instant());
		return sorted.get(ask.select("Please select the " + lookup.label() + ":", rows, TokenRows.DESCRIPTION, 0,
				otherwise));
	}
}
