package dev.astroshell.deployment;

import dev.astroshell.api.Deployment;
import dev.astroshell.session.Completions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProvider;

@Configuration(proxyBeanMethods = false)
class DeploymentCompletionConfiguration {

	/** Deployment IDs (with their names beside) and names, for {@code deployment switch}. */
	@Bean
	CompletionProvider deploymentCompletion(Deployments deployments) {
		return Completions.idsAndNames(() -> deployments.list(true), Deployment::id, Deployment::name);
	}
}
