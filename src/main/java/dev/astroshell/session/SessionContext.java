package dev.astroshell.session;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.astroshell.cli.TerminalText;

/**
 * The active context: which API, with which credential, and where the user is in it. Immutable; a change makes a
 * new one and publishes a {@link SessionChangedEvent}. {@link #toString()} never shows the credential.
 * @param domain the context's key: {@code sandbox}, {@code astronomer.io}, {@code localhost}, …
 * @param baseUrl the API base URL
 * @param credential the bearer token, or null when logged out
 * @param source where the credential came from
 * @param tokenId the credential's apiTokenId claim, if any
 * @param expiresAt the credential's exp claim, if any
 */
public record SessionContext(String domain, URI baseUrl, String credential, CredentialSource source, String tokenId,
		Instant expiresAt, Ref organization, Ref workspace, Ref deployment) {

	public static final String SANDBOX = "sandbox";

	/** Where the credential in use came from (shown by {@code status}). */
	public enum CredentialSource {
		LOGIN("login"), ENVIRONMENT("ASTRO_API_TOKEN"), SANDBOX("sandbox"), NONE("none");

		private final String label;

		CredentialSource(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** An ID with the name shown for it; the name may be null when not yet known. */
	public record Ref(String id, String name) {
		public String display() {
			return name != null && !name.isBlank() ? name : id;
		}
	}

	public boolean loggedIn() {
		return credential != null;
	}

	/** Logged in, or on the sandbox, whose credential is known once it has started. */
	public boolean canCallApi() {
		return credential != null || source == CredentialSource.SANDBOX;
	}

	/** Where the prompt says the user is, {@code domain · organization · deployment}, as one inert line. */
	public String whereabouts() {
		// names come from the API and the config file: the prompt is redrawn on every line, a control would fire
		// each time
		return TerminalText.oneLine(Stream.of(Stream.of(domain), Stream.ofNullable(organization).map(Ref::display),
				Stream.ofNullable(deployment).map(Ref::display)).flatMap(s -> s).collect(Collectors.joining(" · ")));
	}

	public String organizationId() {
		return organization == null ? null : organization.id();
	}

	public String workspaceId() {
		return workspace == null ? null : workspace.id();
	}

	public String deploymentId() {
		return deployment == null ? null : deployment.id();
	}

	public SessionContext withDeployment(Ref newDeployment) {
		return new SessionContext(domain, baseUrl, credential, source, tokenId, expiresAt, organization, workspace,
				newDeployment);
	}

	public SessionContext withWorkspace(Ref newWorkspace) {
		return new SessionContext(domain, baseUrl, credential, source, tokenId, expiresAt, organization, newWorkspace,
				null);
	}

	public SessionContext withOrganization(Ref newOrganization) {
		return new SessionContext(domain, baseUrl, credential, source, tokenId, expiresAt, newOrganization, null,
				null);
	}

	public SessionContext withOrganizationName(String name) {
		return new SessionContext(domain, baseUrl, credential, source, tokenId, expiresAt,
				new Ref(organization.id(), name), workspace, deployment);
	}

	public SessionContext withCredentialDetails(String newTokenId, Instant newExpiresAt) {
		return new SessionContext(domain, baseUrl, credential, source, newTokenId, newExpiresAt, organization,
				workspace, deployment);
	}

	@Override
	public String toString() {
		return "SessionContext[domain=" + domain + ", baseUrl=" + baseUrl + ", source=" + source + ", tokenId="
				+ tokenId + ", organization=" + organization + ", workspace=" + workspace + ", deployment="
				+ deployment + "]";
	}
}
