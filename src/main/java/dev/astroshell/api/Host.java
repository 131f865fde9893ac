package dev.astroshell.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host, parsed once so that the loopback rule and the HTTP connector cannot disagree about it: only forms every
 * resolver reads the same way are accepted. A name is looked up by name; an IPv4 address is four decimal numbers;
 * an IPv6 address is a bracketed literal. Shorthand numeric forms ({@code 2130706433}, {@code 127.1},
 * {@code 0x7f.0.0.1}) are refused: the JDK reads them as addresses, a DNS resolver as names.
 */
public record Host(String name, Kind kind) {

	public enum Kind {
		NAME, IPV4, IPV6
	}

	private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";

	private static final Pattern NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	/** A last label of digits (or hex) makes a host an address attempt, as URL parsers treat it. */
	private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(.*\\.)?(\\d+|0x[0-9a-f]*)");

	/** @throws IllegalArgumentException naming the host, when it is not one of the accepted forms */
	public static Host parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("no host given");
		}
		String host = text.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			return new Host(host, Kind.IPV6);
		}
		if (NUMERIC_LAST_LABEL.matcher(host).matches()) {
			if (!IPV4.matcher(host).matches()) {
				throw new IllegalArgumentException("'" + text
						+ "' is not a valid host: write an IPv4 address as four decimal numbers, e.g. 127.0.0.1");
			}
			return new Host(host, Kind.IPV4);
		}
		if (!NAME.matcher(host).matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a valid host name");
		}
		return new Host(host, Kind.NAME);
	}

	public boolean isLoopback() {
		return switch (kind) {
			case NAME -> name.equals("localhost");
			case IPV4 -> name.startsWith("127.");
			case IPV6 -> isLoopbackLiteral(name.substring(1, name.length() - 1));
		};
	}

	/** A literal with ':' is parsed, never looked up. */
	private static boolean isLoopbackLiteral(String ipv6) {
		try {
			return ipv6.contains(":") && InetAddress.getByName(ipv6).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}
}
