package dev.astroshell.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.Ref;

/**
 * Reads and writes {@code config.yaml}. Writes are atomic (temp file + rename, mode 0600) and serialised across
 * processes by a lock file, so two shells never corrupt the file nor lose each other's contexts.
 */
public class ConfigStore {

	private static final Logger log = LoggerFactory.getLogger(ConfigStore.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	/** A FileLock excludes other processes only; threads of this one queue here first. */
	private static final ReentrantLock IN_PROCESS = new ReentrantLock();

	private final Path file;

	public ConfigStore(Path file) {
		this.file = file;
	}

	public Path file() {
		return file;
	}

	public SavedConfig load() {
		if (!Files.exists(file)) {
			return SavedConfig.EMPTY;
		}
		try {
			return fromYaml(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException e) {
			// a damaged file must not stop the shell: start afresh, the next save rewrites it
			log.warn("Ignoring unreadable config file {}: {}", file, e.toString());
			return SavedConfig.EMPTY;
		}
	}

	/** Read-modify-write under an exclusive lock shared with other shell processes. */
	public SavedConfig update(UnaryOperator<SavedConfig> change) {
		try {
			Files.createDirectories(file.getParent());
			Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
			IN_PROCESS.lock();
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				SavedConfig next = change.apply(load());
				write(toYaml(next));
				return next;
			}
			finally {
				IN_PROCESS.unlock();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
		}
	}

	private void write(String yaml) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), ".config-", ".tmp");
		try {
			if (POSIX) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temp, yaml, StandardCharsets.UTF_8);
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static String toYaml(SavedConfig config) {
		Map<String, Object> root = new LinkedHashMap<>();
		if (config.current() != null) {
			root.put("current-context", config.current());
		}
		Map<String, Object> contexts = new TreeMap<>();
		config.contexts().forEach((domain, saved) -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("domain", saved.domain());
			putIfPresent(c, "token", saved.token());
			putRef(c, "organization", saved.organization());
			putRef(c, "workspace", saved.workspace());
			putRef(c, "deployment", saved.deployment());
			contexts.put(domain, c);
		});
		root.put("contexts", contexts);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return "# astro-shell contexts; written by the shell (login, switch commands). Holds credentials: keep it private.\n"
				+ new Yaml(options).dump(root);
	}

	@SuppressWarnings("unchecked")
	static SavedConfig fromYaml(String yaml) {
		Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		if (!(loaded instanceof Map<?, ?> root)) {
			return SavedConfig.EMPTY;
		}
		Map<String, Saved> contexts = new LinkedHashMap<>();
		if (root.get("contexts") instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (value instanceof Map<?, ?> c) {
					String domain = String.valueOf(key);
					contexts.put(domain, new Saved(domain, string(c.get("token")), ref(c.get("organization")),
							ref(c.get("workspace")), ref(c.get("deployment"))));
				}
			});
		}
		return new SavedConfig(string(root.get("current-context")), contexts);
	}

	private static void putRef(Map<String, Object> map, String key, Ref ref) {
		if (ref != null) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("id", ref.id());
			putIfPresent(r, "name", ref.name());
			map.put(key, r);
		}
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static Ref ref(Object value) {
		if (value instanceof Map<?, ?> m && m.get("id") != null) {
			return new Ref(String.valueOf(m.get("id")), string(m.get("name")));
		}
		return null;
	}

	private static String string(Object value) {
		return value == null ? null : String.valueOf(value);
	}
}
