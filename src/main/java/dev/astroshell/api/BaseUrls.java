package dev.astroshell.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The domain → base URL rules of the API contract (§1), and the "https unless loopback" rule. */
public final class BaseUrls {

	private static final Pattern PR_DOMAIN = Pattern.compile("pr(\\d{4,6})\\.astronomer-dev\\.io");

	/** {@code localhost} or {@code localhost:PORT}, e.g. a sandbox started with {@code sandbox serve}. */
	private static final Pattern LOCALHOST = Pattern.compile("localhost(?::(\\d{1,5}))?");

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

	/** Refuses a base URL that is neither https nor http on a loopback host. */
	public static void requireSecure(URI baseUrl) {
		String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			return;
		}
		if (scheme.equals("http") && isLoopback(baseUrl.getHost())) {
			return;
		}
		throw new IllegalArgumentException(
				"refusing base URL " + baseUrl + ": only https is allowed, except http on a loopback host");
	}

	static boolean isLoopback(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (h.equalsIgnoreCase("localhost")) {
			return true;
		}
		// only literal addresses: a name other than localhost is never resolved here
		if (!h.matches("[0-9.]+") && !h.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(h).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}
}
