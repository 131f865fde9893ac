package dev.astroshell.api;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** The domain → base URL rules of the API contract (§1), and the "https unless loopback" rule. */
public final class BaseUrls {

	private static final Pattern PR_DOMAIN = Pattern.compile("pr(\\d{4,6})\\.astronomer-dev\\.io");

	/** {@code HOST:PORT}, where HOST may be a bracketed IPv6 literal ({@code [::1]:8080}). */
	private static final Pattern PORT_SUFFIX = Pattern.compile("(\\[[^\\]/]+\\]|[^:/\\[]+):(\\d{1,5})");

	private BaseUrls() {
	}

	/**
	 * The base URL for a domain.
	 * @param localhostPort the port used for the {@code localhost} domain without a port
	 */
	public static URI forDomain(String domain, int localhostPort) {
		String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
		if (d.contains("cloud")) {
			d = d.replaceFirst(Pattern.quote("cloud."), "").replaceFirst(Pattern.quote("https://"), "");
			if (d.endsWith("/")) {
				d = d.substring(0, d.length() - 1);
			}
		}
		if (d.isEmpty() || d.equals("astronomer.io")) {
			return URI.create("https://api.astronomer.io/v1");
		}
		d = domainHost(d);
		var pr = PR_DOMAIN.matcher(d);
		if (pr.matches()) {
			return URI.create("https://pr" + pr.group(1) + ".api.astronomer-dev.io/v1");
		}
		var withPort = PORT_SUFFIX.matcher(d);
		String host = withPort.matches() ? withPort.group(1) : d;
		if (Host.parse(host).isLoopback()) {
			// a sandbox started with 'sandbox serve' (which prints its URL with 127.0.0.1)
			return URI.create("http://" + host + ":" + (withPort.matches() ? withPort.group(2) : localhostPort) + "/v1");
		}
		return URI.create("https://api." + d + "/v1");
	}

	/**
	 * Refuses a base URL that is neither https nor http on a loopback host, or whose host the connector could read
	 * differently from this check (see {@link Host}).
	 */
	public static void requireSecure(URI baseUrl) {
		String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
		Host host;
		try {
			host = Host.parse(hostText(baseUrl));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("refusing base URL " + baseUrl + ": " + e.getMessage());
		}
		if (baseUrl.getHost() == null || !validPort(baseUrl.getPort())) {
			// else the HTTP client fails later, in its own words ("Bad authority", "port out of range:99999")
			throw new IllegalArgumentException("refusing base URL " + baseUrl + ": '" + baseUrl.getRawAuthority()
					+ "' is not a host with an optional port from 1 to 65535");
		}
		if (scheme.equals("https") || scheme.equals("http") && host.isLoopback()) {
			return;
		}
		throw new IllegalArgumentException(
				"refusing base URL " + baseUrl + ": only https is allowed, except http on a loopback host");
	}

	/** java.net.URI leaves the host out when it is no RFC 2396 host name (e.g. {@code 127.1}): then the authority's. */
	private static String hostText(URI uri) {
		if (uri.getHost() != null || uri.getRawAuthority() == null) {
			return uri.getHost();
		}
		String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
		int port = authority.lastIndexOf(':');
		return port < 0 || authority.endsWith("]") ? authority : authority.substring(0, port);
	}

	/**
	 * The host a domain is (after the contract's {@code cloud} rule): not a URL, not an IP address but a loopback one;
	 * only a loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) may carry a port, as a sandbox
	 * started with {@code sandbox serve} does.
	 */
	static String domainHost(String domain) {
		var withPort = PORT_SUFFIX.matcher(domain);
		String text = withPort.matches() ? withPort.group(1) : domain;
		Host host;
		try {
			host = Host.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw notADomain(domain, domain.contains("://") ? "a URL, not a domain" : "not a domain");
		}
		if (host.isLoopback()) {
			if (withPort.matches() && !validPort(Integer.parseInt(withPort.group(2)))) {
				throw notADomain(domain, host.name() + " with a port out of range (1-65535)");
			}
			return host.name() + (withPort.matches() ? ":" + withPort.group(2) : "");
		}
		if (withPort.matches()) {
			throw notADomain(domain, "a host with a port, which only a loopback host takes");
		}
		if (host.kind() != Host.Kind.NAME) {
			throw notADomain(domain, "an IP address, not a domain");
		}
		return host.name();
	}

	/** @param port -1 for none */
	private static boolean validPort(int port) {
		return port == -1 || port >= 1 && port <= 65535;
	}

	private static IllegalArgumentException notADomain(String domain, String what) {
		return new IllegalArgumentException("'" + domain + "' is " + what
				+ ": give a host name such as astronomer.io, localhost or sandbox (set astro.api.base-url for a URL)");
	}
}
