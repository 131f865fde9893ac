package dev.astroshell.deployment;

import java.util.List;

import dev.astroshell.api.Deployment;
import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** A deployment, by ID or name: {@code deployment switch} and every {@code --deployment-id}. */
@Component
public record DeploymentCompletion(Deployments deployments) implements Completer {

	@Override
	public List<Proposal> complete(Request request) {
		return Completer.idsAndNames(deployments.list(true), Deployment::id, Deployment::name);
	}

}
