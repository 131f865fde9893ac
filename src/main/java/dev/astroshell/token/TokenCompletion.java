package dev.astroshell.token;

import java.util.List;

import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Completions;
import dev.astroshell.token.TokenLookup.Source;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.workspace.WorkspaceCommands;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Tab completion of the deployment token commands, from the short-lived cache: TOKEN_ID (the ID, shown with name and
 * role) and the name options (quoted when they have spaces) offer the candidates of the command's own
 * {@link TokenLookup}; {@code --role}, {@code --deployment-id} and {@code --workspace-id} their values. Each
 * {@code @Command} names the provider bean of its lookup, so a command's completion and its resolution cannot
 * disagree.
 */
@Configuration(proxyBeanMethods = false)
class TokenCompletion {

	@Bean
	CompletionProvider deploymentTokenCompletion(Values values) {
		return values.provider(TokenLookup.DEPLOYMENT_TOKEN);
	}

	@Bean
	CompletionProvider anyTokenOnDeploymentCompletion(Values values) {
		return values.provider(TokenLookup.ANY_TOKEN_ON_DEPLOYMENT);
	}

	@Bean
	CompletionProvider workspaceTokenToAddCompletion(Values values) {
		return values.provider(TokenLookup.WORKSPACE_TOKEN_TO_ADD);
	}

	@Bean
	CompletionProvider workspaceTokenOnDeploymentCompletion(Values values) {
		return values.provider(TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT);
	}

	@Bean
	CompletionProvider workspaceTokenToRemoveCompletion(Values values) {
		return values.provider(TokenLookup.WORKSPACE_TOKEN_TO_REMOVE);
	}

	@Bean
	CompletionProvider organizationTokenToAddCompletion(Values values) {
		return values.provider(TokenLookup.ORGANIZATION_TOKEN_TO_ADD);
	}

	@Bean
	CompletionProvider organizationTokenOnDeploymentCompletion(Values values) {
		return values.provider(TokenLookup.ORGANIZATION_TOKEN_ON_DEPLOYMENT);
	}

	@Bean
	CompletionProvider organizationTokenToRemoveCompletion(Values values) {
		return values.provider(TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE);
	}

	/** For the commands that look no token up (list, create): their options' values only. */
	@Bean
	CompletionProvider tokenOptionCompletion(Values values) {
		return values.provider(null);
	}

	@Bean
	Values tokenCompletionValues(Tokens tokens, TokenContext context, Deployments deployments,
			WorkspaceCommands workspaces) {
		return new Values(tokens, context, deployments, workspaces);
	}

	/** The values behind every provider. */
	static final class Values {

		private final Tokens tokens;

		private final TokenContext context;

		private final Deployments deployments;

		private final WorkspaceCommands workspaces;

		Values(Tokens tokens, TokenContext context, Deployments deployments, WorkspaceCommands workspaces) {
			this.tokens = tokens;
			this.context = context;
			this.deployments = deployments;
			this.workspaces = workspaces;
		}

		/** The provider of a command that looks its token up with {@code lookup} (null: none). */
		CompletionProvider provider(TokenLookup lookup) {
			return completion -> Completions.safely(() -> proposals(lookup, completion));
		}

		private List<CompletionProposal> proposals(TokenLookup lookup, CompletionContext completion) {
			String option = completion.getCommandOption() == null ? null : completion.getCommandOption().longName();
			if (option == null) {
				return candidates(lookup, completion).stream()
					.map(t -> new CompletionProposal(t.id())
						.description(t.name() + (t.deploymentRole() == null ? "" : " · " + t.deploymentRole()))
						.category("tokens"))
					.toList();
			}
			return switch (option) {
				case "name", "workspace-token-name", "org-token-name" -> candidates(lookup, completion).stream()
					.map(TokenSummary::name)
					.distinct()
					.map(CompletionProposal::new)
					.toList();
				case "role" -> tokens.deploymentRoles().stream().map(CompletionProposal::new).toList();
				case "deployment-id" -> deployments.list(true)
					.stream()
					.map(d -> new CompletionProposal(d.id()).description(d.name()))
					.toList();
				case "workspace-id" -> workspaces.workspaces()
					.stream()
					.map(w -> new CompletionProposal(w.id()).description(w.name()))
					.toList();
				default -> List.<CompletionProposal>of();
			};
		}

		/** The lookup's candidates where the line points (cached lists only: a Tab never waits twice). */
		private List<TokenSummary> candidates(TokenLookup lookup, CompletionContext completion) {
			if (lookup == null) {
				return List.of();
			}
			Where where = new Where(valueOf(completion, "deployment-id", context.currentDeploymentId()),
					valueOf(completion, "workspace-id", context.currentWorkspaceId()));
			boolean known = (where.deploymentId() != null || !lookup.needsDeployment())
					&& (lookup.source() != Source.WORKSPACE || where.workspaceId() != null);
			return known ? lookup.cachedCandidates(tokens, where) : List.of();
		}

		/** An option's value typed earlier on the line, else the fallback. */
		private static String valueOf(CompletionContext completion, String longName, String fallback) {
			List<String> words = completion.getWords();
			String flag = "--" + longName;
			for (int i = 0; i < words.size(); i++) {
				String w = words.get(i);
				if (w.startsWith(flag + "=")) {
					return w.substring(flag.length() + 1);
				}
				if (w.equals(flag) && i + 1 < words.size() && i + 1 != completion.getWordIndex()) {
					return words.get(i + 1);
				}
			}
			return fallback;
		}
	}
}
