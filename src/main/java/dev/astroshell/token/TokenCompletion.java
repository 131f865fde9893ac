package dev.astroshell.token;

import java.util.List;

import dev.astroshell.api.ApiToken;
import dev.astroshell.deployment.Deployments;
import dev.astroshell.session.Session;
import dev.astroshell.shell.Completions;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * Values for the deployment token commands, from the short-lived cache: TOKEN_ID (ID, shown with name and role),
 * {@code --name} (names, quoted when they have spaces), {@code --role}, {@code --deployment-id}.
 */
@Component("tokenCompletion")
public class TokenCompletion implements CompletionProvider {

	private final Tokens tokens;

	private final Deployments deployments;

	private final Session session;

	public TokenCompletion(Tokens tokens, Deployments deployments, Session session) {
		this.tokens = tokens;
		this.deployments = deployments;
		this.session = session;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		String option = context.getCommandOption() == null ? null : context.getCommandOption().longName();
		return Completions.safely(() -> {
			if (option == null) {
				String deployment = deploymentOf(context);
				return deployment == null ? List.<CompletionProposal>of() : deploymentTokens(deployment).stream()
					.map(t -> new CompletionProposal(t.id())
						.description(t.name() + " · " + String.valueOf(t.deploymentRole(deployment)))
						.category("tokens"))
					.toList();
			}
			return switch (option) {
				case "name" -> {
					String deployment = deploymentOf(context);
					yield deployment == null ? List.<CompletionProposal>of()
							: deploymentTokens(deployment).stream().map(ApiToken::name).distinct().map(Completions::quoted).toList();
				}
				case "role" -> tokens.deploymentRoles().stream().map(Completions::quoted).toList();
				case "deployment-id" -> deployments.list(true)
					.stream()
					.map(d -> new CompletionProposal(d.id()).description(d.name()))
					.toList();
				default -> List.<CompletionProposal>of();
			};
		});
	}

	private List<ApiToken> deploymentTokens(String deploymentId) {
		return Tokens.deploymentScoped(tokens.ofDeploymentCached(deploymentId));
	}

	/** The --deployment-id typed on the line, else the session's current deployment. */
	private String deploymentOf(CompletionContext context) {
		List<String> words = context.getWords();
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			if (w.startsWith("--deployment-id=")) {
				return w.substring("--deployment-id=".length());
			}
			if (w.equals("--deployment-id") && i + 1 < words.size() && i + 1 != context.getWordIndex()) {
				return words.get(i + 1);
			}
		}
		return session.current().deploymentId();
	}
}
