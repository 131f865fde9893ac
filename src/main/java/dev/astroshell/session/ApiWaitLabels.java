package dev.astroshell.session;

import java.net.URI;
import java.util.List;

import dev.astroshell.cli.Progress;
import dev.astroshell.session.SessionContext.Ref;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Names what a wait of {@link Apis} is waiting for, from the request the client sends: {@code updating token},
 * {@code fetching tokens of etl-prod}. A filter on every WebClient of the application, so that no caller has to
 * describe its calls; requests outside a wait, and those it does not know, keep the generic label.
 */
@Component
class ApiWaitLabels implements WebClientCustomizer {

	private static final List<String> SELF = List.of("users", "self");

	private final ObjectProvider<Session> session;

	ApiWaitLabels(ObjectProvider<Session> session) {
		// lazily: the session's client is built from the builder this customizes
		this.session = session;
	}

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filter((request, next) -> Mono.deferContextual(context -> {
			context.<Progress.Task>getOrEmpty(Progress.Task.class)
				.filter(task -> task != Progress.Task.NONE)
				.ifPresent(task -> task.relabel(label(request.method(), request.url())));
			return next.exchange(request);
		}));
	}

	/** From the API's paths: {@code /organizations/{org}/<resource>[/{id}[/<action>]]} and {@code /users/self}. */
	Progress.Label label(HttpMethod method, URI url) {
		UriComponents uri = UriComponentsBuilder.fromUri(url).build();
		List<String> segments = uri.getPathSegments();
		if (segments.size() >= 2 && segments.subList(segments.size() - 2, segments.size()).equals(SELF)) {
			return Progress.Label.of("checking your login");
		}
		int at = segments.indexOf("organizations");
		List<String> rest = at < 0 ? List.of() : segments.subList(at + 1, segments.size());
		if (at < 0 || rest.size() > 4) {
			return Apis.WAITING;
		}
		if (rest.size() < 2) {
			return rest.isEmpty() ? list("organizations") : Progress.Label.of("fetching organization");
		}
		String resource = rest.get(1);
		boolean one = rest.size() == 3;
		String action = rest.size() == 4 ? rest.get(3) : null;
		if (resource.equals("tokens")) {
			return tokens(method, uri, one, action);
		}
		if (!HttpMethod.GET.equals(method) || action != null) {
			return Apis.WAITING;
		}
		String singular = resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
		return one ? Progress.Label.of("fetching " + singular) : list(resource);
	}

	private Progress.Label tokens(HttpMethod method, UriComponents uri, boolean one, String action) {
		if (HttpMethod.GET.equals(method)) {
			return one ? Progress.Label.of("fetching token") : list(tokenListName(uri));
		}
		if (HttpMethod.DELETE.equals(method)) {
			return Progress.Label.of("deleting token");
		}
		if (action != null) {
			return Progress.Label.of(switch (action) {
				case "roles" -> "updating token roles";
				case "rotate" -> "rotating token";
				default -> Apis.WAITING.doing();
			});
		}
		return Progress.Label.of(one ? "updating token" : "creating token");
	}

	private String tokenListName(UriComponents uri) {
		String deployment = uri.getQueryParams().getFirst("deploymentId");
		if (deployment != null) {
			return "tokens of " + name(deployment, session.getObject().current().deployment());
		}
		String workspace = uri.getQueryParams().getFirst("workspaceId");
		if (workspace != null) {
			return "tokens of workspace " + name(workspace, session.getObject().current().workspace());
		}
		return "true".equals(uri.getQueryParams().getFirst("includeOnlyOrganizationTokens")) ? "organization tokens"
				: "tokens";
	}

	/** The current deployment or workspace by its name; any other by its ID (the request knows no name). */
	private static String name(String id, Ref current) {
		return current != null && id.equals(current.id()) && current.name() != null ? current.name() : id;
	}

	private static Progress.Label list(String items) {
		return new Progress.Label("fetching " + items, items);
	}
}
