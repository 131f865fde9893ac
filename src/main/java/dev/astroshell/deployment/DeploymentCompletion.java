package dev.astroshell.deployment;

import dev.astroshell.api.Deployment;
import dev.astroshell.session.IdOrNameCompletion;

import org.springframework.stereotype.Component;

/** Deployment IDs (with their names beside) and names, for {@code deployment switch}. */
@Component("deploymentCompletion")
class DeploymentCompletion extends IdOrNameCompletion<Deployment> {

	DeploymentCompletion(Deployments deployments) {
		super(() -> deployments.list(true), Deployment::id, Deployment::name);
	}
}
