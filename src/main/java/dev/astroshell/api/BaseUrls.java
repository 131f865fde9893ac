package dev.astroshell.api;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** The domain → base URL rules of the API contract (§1), and the "https unless loopback" rule. */
public final class BaseUrls {

	private static final Pattern PR_DOMAIN = Pattern.compile("pr(\\d{4,6})\\.astronomer-dev\\.io");

	/** {@code localhost} or {@code localhost:PORT}, e.g. a sandbox started with {@code sandbox serve}. */
	private static final Pattern LOCALHOST = Pattern.compile("localhost(?::(\\d{1,5}))?");

	private static final Pattern PORT_SUFFIX = Pattern.compile("([^:/]+):(\\d{1,5})");

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
		var local = LOCALHOST.matcher(d);
		if (local.matches()) {
			return URI.create("http://localhost:" + (local.group(1) != null ? local.group(1) : localhostPort) + "/v1");
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
	 * The host name a domain is (after the contract's {@code cloud} rule): not a URL, not an IP address; only
	 * {@code localhost} may carry a port ({@code localhost:PORT}, a sandbox started with {@code sandbox serve}).
	 */
	static String domainHost(String domain) {
		var withPort = PORT_SUFFIX.matcher(domain);
		if (withPort.matches()) {
			if (domainHost(withPort.group(1)).equals("localhost")) {
				if (!validPort(Integer.parseInt(withPort.group(2)))) {
					throw notADomain(domain, "localhost with a port out of range (1-65535)");
				}
				return domain;
			}
			throw notADomain(domain, "a host with a port, which only localhost takes");
		}
		Host host;
		try {
			host = Host.parse(domain);
		}
		catch (IllegalArgumentException e) {
			throw notADomain(domain, domain.contains("://") ? "a URL, not a domain" : "not a domain");
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
