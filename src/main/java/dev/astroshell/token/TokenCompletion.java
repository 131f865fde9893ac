package dev.astroshell.token;

import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Session;
import dev.astroshell.session.Completions;
import dev.astroshell.workspace.WorkspaceCommands;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * Values for the deployment token commands, from the short-lived cache: TOKEN_ID (the ID, shown with name and
 * role), the name options (quoted when they have spaces), {@code --role}, {@code --deployment-id},
 * {@code --workspace-id}. Which tokens are offered follows the command: the ones it would look among.
 */
@Component("tokenCompletion")
public class TokenCompletion implements CompletionProvider {

	private final Tokens tokens;

	private final Deployments deployments;

	private final WorkspaceCommands workspaces;

	private final Session session;

	public TokenCompletion(Tokens tokens, Deployments deployments, WorkspaceCommands workspaces, Session session) {
		this.tokens = tokens;
		this.deployments = deployments;
		this.workspaces = workspaces;
		this.session = session;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		String option = context.getCommandOption() == null ? null : context.getCommandOption().longName();
		return Completions.safely(() -> {
			if (option == null) {
				String deployment = valueOf(context, "deployment-id", session.current().deploymentId());
				return candidates(context, deployment).stream()
					.map(t -> new CompletionProposal(t.id())
						.description(t.name() + (deployment == null || t.deploymentRole(deployment) == null ? ""
								: " · " + t.deploymentRole(deployment)))
						.category("tokens"))
					.toList();
			}
			return switch (option) {
				case "name", "workspace-token-name", "org-token-name" -> candidates(context,
						valueOf(context, "deployment-id", session.current().deploymentId()))
					.stream()
					.map(ApiToken::name)
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
		});
	}

	/** The tokens the command would look among (cached lists only: a Tab never waits twice). */
	private List<ApiToken> candidates(CompletionContext context, String deployment) {
		String command = context.getCommand() == null ? "" : context.getCommand().getName();
		if (command.endsWith("workspace-token add") || command.endsWith("workspace-token remove")) {
			String workspace = valueOf(context, "workspace-id", session.current().workspaceId());
			if (workspace == null) {
				return List.of();
			}
			List<ApiToken> ofWorkspace = scoped(tokens.ofWorkspaceCached(workspace), TokenScope.WORKSPACE);
			if (command.endsWith("remove")) {
				// remove only takes a token off a deployment it is on
				return deployment == null ? List.of()
						: ofWorkspace.stream().filter(t -> t.deploymentRole(deployment) != null).toList();
			}
			return ofWorkspace;
		}
		if (command.endsWith("organization-token add")) {
			return scoped(tokens.ofOrganizationCached(), TokenScope.ORGANIZATION);
		}
		if (deployment == null) {
			return List.of();
		}
		List<ApiToken> onDeployment = tokens.ofDeploymentCached(deployment);
		if (command.contains("workspace-token")) {
			return scoped(onDeployment, TokenScope.WORKSPACE);
		}
		if (command.contains("organization-token")) {
			return scoped(onDeployment, TokenScope.ORGANIZATION);
		}
		return command.endsWith("delete") ? onDeployment : scoped(onDeployment, TokenScope.DEPLOYMENT);
	}

	private static List<ApiToken> scoped(List<ApiToken> list, TokenScope scope) {
		return list.stream().filter(t -> t.scope() == scope).toList();
	}

	/** An option's value typed earlier on the line, else the fallback. */
	private static String valueOf(CompletionContext context, String longName, String fallback) {
		List<String> words = context.getWords();
		String flag = "--" + longName;
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			if (w.startsWith(flag + "=")) {
				return w.substring(flag.length() + 1);
			}
			if (w.equals(flag) && i + 1 < words.size() && i + 1 != context.getWordIndex()) {
				return words.get(i + 1);
			}
		}
		return fallback;
	}
}
