package dev.astroshell.deployment;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProvider;

@Configuration(proxyBeanMethods = false)
class DeploymentCompletionConfiguration {

	/** Deployment IDs (with their names beside) and names, for {@code deployment switch}. */
	@Bean
	CompletionProvider deploymentCompletion(Deployments deployments) {
		return context -> context.getCommandOption() != null ? List.of() : deployments.proposals();
	}
}
