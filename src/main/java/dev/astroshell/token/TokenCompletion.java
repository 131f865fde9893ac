package dev.astroshell.token;

import java.util.List;

import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Completions;
import dev.astroshell.token.TokenLookup.Source;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.workspace.Workspaces;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * Tab completion of the deployment token commands, from the short-lived cache: TOKEN_ID (the ID, shown with name and
 * role) and the name options (quoted when they have spaces) offer the candidates of the command's own
 * {@link TokenLookup}; {@code --role}, {@code --deployment-id} and {@code --workspace-id} their values. Each
 * {@code @Command} names the provider bean of its lookup, so a command's completion and its resolution cannot
 * disagree. Each provider is a {@code @Component("<name>Completion")}, the one way completion is registered.
 */
abstract class TokenCompletion implements CompletionProvider {

	private final Values values;

	private final TokenLookup lookup;

	TokenCompletion(Values values, TokenLookup lookup) {
		this.values = values;
		this.lookup = lookup;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext completion) {
		return Completions.safely(() -> values.proposals(lookup, completion));
	}

	@Component("deploymentTokenCompletion")
	static class DeploymentToken extends TokenCompletion {
		DeploymentToken(Values values) {
			super(values, TokenLookup.DEPLOYMENT_TOKEN);
		}
	}

	@Component("deploymentTokenToRotateCompletion")
	static class DeploymentTokenToRotate extends TokenCompletion {
		DeploymentTokenToRotate(Values values) {
			super(values, TokenLookup.DEPLOYMENT_TOKEN_TO_ROTATE);
		}
	}

	@Component("anyTokenOnDeploymentCompletion")
	static class AnyTokenOnDeployment extends TokenCompletion {
		AnyTokenOnDeployment(Values values) {
			super(values, TokenLookup.ANY_TOKEN_ON_DEPLOYMENT);
		}
	}

	@Component("workspaceTokenToAddCompletion")
	static class WorkspaceTokenToAdd extends TokenCompletion {
		WorkspaceTokenToAdd(Values values) {
			super(values, TokenLookup.WORKSPACE_TOKEN_TO_ADD);
		}
	}

	@Component("workspaceTokenOnDeploymentCompletion")
	static class WorkspaceTokenOnDeployment extends TokenCompletion {
		WorkspaceTokenOnDeployment(Values values) {
			super(values, TokenLookup.WORKSPACE_TOKEN_ON_DEPLOYMENT);
		}
	}

	@Component("workspaceTokenToRemoveCompletion")
	static class WorkspaceTokenToRemove extends TokenCompletion {
		WorkspaceTokenToRemove(Values values) {
			super(values, TokenLookup.WORKSPACE_TOKEN_TO_REMOVE);
		}
	}

	@Component("organizationTokenToAddCompletion")
	static class OrganizationTokenToAdd extends TokenCompletion {
		OrganizationTokenToAdd(Values values) {
			super(values, TokenLookup.ORGANIZATION_TOKEN_TO_ADD);
		}
	}

	@Component("organizationTokenOnDeploymentCompletion")
	static class OrganizationTokenOnDeployment extends TokenCompletion {
		OrganizationTokenOnDeployment(Values values) {
			super(values, TokenLookup.ORGANIZATION_TOKEN_ON_DEPLOYMENT);
		}
	}

	@Component("organizationTokenToRemoveCompletion")
	static class OrganizationTokenToRemove extends TokenCompletion {
		OrganizationTokenToRemove(Values values) {
			super(values, TokenLookup.ORGANIZATION_TOKEN_TO_REMOVE);
		}
	}

	/** For the commands that look no token up (list, create): their options' values only. */
	@Component("tokenOptionCompletion")
	static class TokenOptions extends TokenCompletion {
		TokenOptions(Values values) {
			super(values, null);
		}
	}

	/** The values behind every provider. */
	@Component
	static final class Values {

		private final Tokens tokens;

		private final TokenContext context;

		private final Deployments deployments;

		private final Workspaces workspaces;

		Values(Tokens tokens, TokenContext context, Deployments deployments, Workspaces workspaces) {
			this.tokens = tokens;
			this.context = context;
			this.deployments = deployments;
			this.workspaces = workspaces;
		}

		/** The proposals of a command that looks its token up with {@code lookup} (null: none). */
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
				case "deployment-id" -> deployments.proposals();
				case "workspace-id" -> workspaces.list()
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
