package dev.astroshell.token;

import java.util.List;

import dev.astroshell.cli.Completer;
import dev.astroshell.token.TokenLookup.Source;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Component;

/**
 * Tab completion of tokens, from the short-lived cache: the candidates of the command's own {@link TokenLookup}
 * ({@link LooksUp} on its method) where the line points ({@code --deployment-id} by ID or name,
 * {@code --workspace-id}, else the current context). A second Tab never waits: only cached lists are read once the first one was.
 */
@Component
record TokenCompletion(Tokens tokens, TokenContext context) {

	private List<TokenSummary> candidates(Completer.Request request) {
		LooksUp looksUp = request.command().getAnnotation(LooksUp.class);
		if (looksUp == null) {
			return List.of();
		}
		TokenLookup lookup = looksUp.value();
		Where where = new Where(context.knownDeploymentId(request.given("deployment-id", null)),
				request.given("workspace-id", context.currentWorkspaceId()));
		boolean known = (where.deploymentId() != null || !lookup.needsDeployment())
				&& (lookup.source() != Source.WORKSPACE || where.workspaceId() != null);
		return known ? lookup.cachedCandidates(tokens, where) : List.of();
	}

	/** TOKEN_ID: the IDs, with name and role beside. */
	@Component
	record Ids(TokenCompletion completion) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return completion.candidates(request)
				.stream()
				.map(t -> Proposal.of(t.id())
					.describedAs(t.name() + (t.deploymentRole() == null ? "" : " · " + t.deploymentRole())))
				.toList();
		}

	}

	/** A token's name ({@code --name}, {@code --workspace-token-name}…): quoted when inserted if it has spaces. */
	@Component
	record Names(TokenCompletion completion) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return completion.candidates(request).stream().map(TokenSummary::name).distinct().map(Proposal::of).toList();
		}

	}

	/** {@code --role}: the deployment roles. */
	@Component
	record Roles(Tokens tokens) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return tokens.deploymentRoles().stream().map(Proposal::of).toList();
		}

	}

}
