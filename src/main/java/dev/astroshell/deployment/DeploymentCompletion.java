package dev.astroshell.deployment;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.api.Deployment;
import dev.astroshell.shell.Completions;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/** Proposes deployment IDs (with their names beside) and names for {@code deployment switch}. */
@Component("deploymentCompletion")
public class DeploymentCompletion implements CompletionProvider {

	private final Deployments deployments;

	public DeploymentCompletion(Deployments deployments) {
		this.deployments = deployments;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		if (context.getCommandOption() != null) {
			return List.of();
		}
		return Completions.safely(() -> proposals(deployments.list(true)));
	}

	static List<CompletionProposal> proposals(List<Deployment> list) {
		List<CompletionProposal> out = new ArrayList<>();
		for (Deployment d : list) {
			out.add(new CompletionProposal(d.id()).description(d.name()).category("deployment IDs"));
			out.add(new CompletionProposal(d.name()).description(d.id()).category("deployment names"));
		}
		return out;
	}
}
