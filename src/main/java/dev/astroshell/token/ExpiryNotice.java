package dev.astroshell.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.astroshell.cli.RunMode;
import dev.astroshell.deployment.EnteringDeployment;
import dev.astroshell.gateway.ApiGateway;

import org.springframework.stereotype.Component;

/**
 * The line {@code 2 tokens expire within 7 days}, said once per deployment in a REPL session: on entering it
 * ({@code deployment switch}) when its tokens were listed earlier in the session, else after the first token command
 * on it. It comes only from token lists read anyway (by a command, a picker or a Tab), never from a request of its
 * own, so it never delays a prompt; one-shot runs end their lists with the footer only.
 */
@Component
public class ExpiryNotice implements EnteringDeployment {

	/** Each deployment's token end dates as last listed (only those that have one), by organization and deployment. */
	private final Map<String, List<Instant>> known = new ConcurrentHashMap<>();

	/** Deployments whose line was said (or whose list was shown with its footer) in this session. */
	private final Set<String> said = ConcurrentHashMap.newKeySet();

	private final TokenContext context;

	private final ApiGateway gateway;

	private final RunMode mode;

	private final Clock clock;

	ExpiryNotice(TokenContext context, ApiGateway gateway, RunMode mode, Clock clock) {
		this.context = context;
		this.gateway = gateway;
		this.mode = mode;
		this.clock = clock;
	}

	/** A deployment's whole token list was read: what the next token command may say of it. */
	void listed(String organizationId, String deploymentId, List<TokenSummary> tokens) {
		known.put(key(organizationId, deploymentId),
				tokens.stream().map(TokenSummary::endAt).filter(Objects::nonNull).toList());
	}

	/** The entity's list was shown with its footer: nothing more to say of it (a deployment) this session. */
	void shown(Place place) {
		if (place.family() == TokenFamily.DEPLOYMENT) {
			said.add(key(gateway.organizationId(), place.id()));
		}
	}

	@Override
	public String onEntering(String deploymentId) {
		String key = key(gateway.organizationId(), deploymentId);
		List<Instant> ends = known.get(key);
		if (!mode.isInteractive() || ends == null) {
			return null;
		}
		said.add(key);
		return line(ends);
	}

	/**
	 * The lines not yet said of the deployments whose lists were read (in the REPL only), each named unless it is the
	 * current deployment; each said once.
	 */
	List<String> unsaid() {
		if (!mode.isInteractive()) {
			return List.of();
		}
		String prefix = gateway.organizationId() + ":";
		List<String> lines = new ArrayList<>();
		known.forEach((key, ends) -> {
			if (key.startsWith(prefix) && said.add(key)) {
				String line = line(ends);
				String deploymentId = key.substring(prefix.length());
				if (line != null) {
					lines.add(deploymentId.equals(context.knownDeploymentId(null)) ? line
							: context.deploymentName(deploymentId) + ": " + line);
				}
			}
		});
		return lines;
	}

	/** A command's text output with the {@link #unsaid} lines under it; JSON or a bare secret stays as it is. */
	String under(String output, boolean text) {
		List<String> lines = text ? unsaid() : List.of();
		return lines.isEmpty() ? output : output + System.lineSeparator() + String.join(System.lineSeparator(), lines);
	}

	private String line(List<Instant> ends) {
		Expiry expiry = new Expiry(clock.instant());
		ends.forEach(expiry::add);
		return expiry.line();
	}

	private static String key(String organizationId, String deploymentId) {
		return organizationId + ":" + deploymentId;
	}
}
