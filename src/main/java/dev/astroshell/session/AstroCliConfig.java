package dev.astroshell.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.astroshell.cli.CliException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The contexts of the {@code astro} CLI's own config, {@code ~/.astro/config.yaml}, read and never written. Its
 * shape is astro-cli's ({@code config/types.go}, {@code config/context.go}): {@code context} names the current
 * domain, and {@code contexts} holds one entry per domain (its key the domain with {@code _} for {@code .}) with
 * {@code domain}, {@code organization}, {@code workspace} and {@code token} ({@code Bearer …}), among others.
 */
final class AstroCliConfig {

	/** Far above any real config: a larger file is not one. */
	static final long MAX_BYTES = 1024 * 1024;

	/** One context of the file; any field but the domain may be null. */
	record Context(String domain, String organizationId, String workspaceId, String token) {
	}

	/** The contexts, and the domain of the current one (null when none is set). */
	record Contents(List<Context> contexts, String current) {
	}

	private AstroCliConfig() {
	}

	/** {@code $HOME/.astro/config.yaml}, where the {@code astro} CLI keeps it. */
	static Path defaultFile() {
		return defaultFile(System.getenv("HOME"));
	}

	static Path defaultFile(String home) {
		return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".astro",
				"config.yaml");
	}

	/**
	 * Reads the file; a missing, unreadable or damaged one fails with one line that names the file and never quotes
	 * it (it holds tokens).
	 */
	static Contents read(Path file) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException e) {
			throw CliException.usage("no astro CLI config at " + file + " (give another with --file PATH)");
		}
		if (!attributes.isRegularFile() || attributes.size() > MAX_BYTES) {
			throw problem(file, attributes.isRegularFile() ? "it is larger than 1 MiB" : "it is not a regular file");
		}
		Object root;
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (IOException e) {
			throw problem(file, "it cannot be read");
		}
		catch (MarkedYAMLException e) {
			throw problem(file, "it is not valid YAML (line " + (e.getProblemMark().getLine() + 1) + ")");
		}
		catch (YAMLException e) {
			throw problem(file, "it is not valid YAML");
		}
		if (root == null) {
			return new Contents(List.of(), null);
		}
		if (!(root instanceof Map<?, ?> top) || top.get("contexts") != null && !(top.get("contexts") instanceof Map)) {
			throw problem(file, "it is not an astro CLI config (no 'contexts' mapping)");
		}
		List<Context> contexts = new ArrayList<>();
		if (top.get("contexts") instanceof Map<?, ?> entries) {
			for (Map.Entry<?, ?> entry : entries.entrySet()) {
				if (entry.getValue() instanceof Map<?, ?> fields) {
					String domain = text(fields.get("domain"));
					// an entry without its domain field: astro's key is the domain with '_' for '.'
					String key = String.valueOf(entry.getKey());
					contexts.add(new Context(domain != null ? domain : key.replace('_', '.'),
							text(fields.get("organization")), text(fields.get("workspace")),
							bearer(text(fields.get("token")))));
				}
			}
		}
		return new Contents(List.copyOf(contexts), text(top.get("context")));
	}

	/** astro stores the token as it sends it, {@code Bearer <jwt>}. */
	private static String bearer(String token) {
		if (token == null) {
			return null;
		}
		String bare = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).trim() : token.trim();
		return bare.isEmpty() ? null : bare;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).trim();
		return text.isEmpty() ? null : text;
	}

	private static CliException problem(Path file, String why) {
		return CliException.failure("cannot import from " + file + ": " + why);
	}

}
