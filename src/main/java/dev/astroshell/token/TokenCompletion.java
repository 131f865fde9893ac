package dev.astroshell.token;

import java.util.List;

import dev.astroshell.cli.Completer;
import dev.astroshell.token.TokenLookup.Source;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * Tab completion of tokens, from the short-lived cache: the candidates of the command's own {@link TokenLookup}
 * ({@link LooksUp} on its method) where the line points ({@code --deployment-id} by ID or name,
 * {@code --workspace-id}, else the current context). The entity a command works on is of the family its name starts with ({@code workspace token …}).
 * A second Tab never waits: only cached lists are read once the first one was.
 */
@Component
record TokenCompletion(Tokens tokens, TokenContext context) {

	/** The family whose entity the command works on, from its name's first word; null for another command. */
	static TokenFamily family(Completer.Request request) {
		Command command = request.command().getAnnotation(Command.class);
		return command == null ? null : TokenFamily.byNoun(command.name()[0].split(" ")[0]);
	}

	private List<TokenSummary> candidates(Completer.Request request) {
		LooksUp looksUp = request.command().getAnnotation(LooksUp.class);
		TokenLookup lookup = looksUp == null ? null : looksUp.value();
		if (lookup != null && lookup.source() == Source.EVERY_TOKEN) {
			return lookup.cachedCandidates(tokens, new Where(null, null)); // token show: no entity, the organization's
		}
		TokenFamily family = family(request);
		if (lookup == null || family == null) {
			return List.of();
		}
		String workspaceId = request.given("workspace-id", context.currentWorkspaceId());
		String entityId = family.idOption() == null ? context.organizationId()
				: family.equals(TokenFamily.WORKSPACE) ? workspaceId
						: context.knownDeploymentId(request.given("deployment-id", null));
		boolean known = entityId != null && (lookup.source() != Source.WORKSPACE || workspaceId != null);
		return known ? lookup.cachedCandidates(tokens, new Where(new Place(family, entityId), workspaceId))
				: List.of();
	}

	/** TOKEN_ID: the IDs, with name and role beside. */
	@Component
	record Ids(TokenCompletion completion) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return completion.candidates(request)
				.stream()
				.map(t -> Proposal.of(t.id())
					.describedAs(t.name() + (t.role() == null ? "" : " · " + t.role())))
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

	/** {@code --role}: the roles of the kind of entity the command works on (the deployment roles…). */
	@Component
	record Roles(Tokens tokens) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			TokenFamily family = family(request);
			return tokens.roles(family == null ? TokenFamily.DEPLOYMENT : family).stream().map(Proposal::of).toList();
		}

	}

}
