package dev.astroshell.deployment;

/**
 * Something worth a line when the user enters a deployment, said from what is already known, never by a request of its
 * own: {@code deployment switch} prints each line there is under its answer.
 */
public interface EnteringDeployment {

	/** The line to show on entering the deployment, or null. Never blocks on the network. */
	String onEntering(String deploymentId);
}
