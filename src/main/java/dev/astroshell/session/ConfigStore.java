package dev.astroshell.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import dev.astroshell.api.BaseUrls;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.session.SavedConfig.Saved;
import dev.astroshell.session.SessionContext.Ref;

/**
 * Reads and writes {@code config.yaml}. Writes are atomic (temp file + rename, mode 0600, directory 0700) and
 * serialised across processes by a lock file, so two shells never corrupt the file nor lose each other's contexts. A
 * symbolic link stays one (the write replaces its target), and keys this version does not know are kept.
 * <p>
 * A file that cannot be read as the shell wrote it (not YAML, wrong types, an alias, a foreign tag, a domain that is
 * not a host; not a regular file, larger than {@link #MAX_BYTES}, or unreadable) is <em>damaged</em>: {@link #load()} fails with one line saying where and what, and nothing writes over
 * it. Only {@link #setAsideDamaged()} (what {@code login} does) moves it out of the way, to
 * {@code config.yaml.broken-<time>}, so a login is never silently lost.
 * <p>
 * A file with no content at all (zero bytes, blank, or only comments) is an empty config, not a damaged one: the
 * writer never produces one (an interrupted write leaves a temp file, not a short config.yaml), so it comes from
 * {@code touch} or {@code > config.yaml} on purpose, and it holds no login that overwriting could lose.
 */
public class ConfigStore {

	private static final Logger log = LoggerFactory.getLogger(ConfigStore.class);

	/** Far more than any config the shell writes (a few hundred bytes a context). */
	static final int MAX_BYTES = 1024 * 1024;

	/** As Linux's limit on the links one path resolution follows. */
	private static final int MAX_LINKS = 40;

	private static final String TEMP_PREFIX = ".config-";

	private static final String TEMP_SUFFIX = ".tmp";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
			Tag.TIMESTAMP);

	/** A FileLock excludes other processes only; threads of this one queue here first. */
	private static final ReentrantLock IN_PROCESS = new ReentrantLock();

	private final Path file;

	private final Clock clock;

	public ConfigStore(Path file) {
		this(file, Clock.systemUTC());
	}

	public ConfigStore(Path file, Clock clock) {
		this.file = file;
		this.clock = clock;
	}

	public Path file() {
		return file;
	}

	/** The saved contexts; fails (exit 1, one line) when the file is damaged. No file is an empty config. */
	public SavedConfig load() {
		String text = read();
		return text == null ? SavedConfig.EMPTY : parse(text);
	}

	/**
	 * The file's text, or null when there is none. What is not a regular file is damage, found by its attributes
	 * without opening it (opening a named pipe would block until someone writes to it), and so is a file over
	 * {@link #MAX_BYTES}: reading it would make every command slow, help included.
	 */
	private String read() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				throw damaged("it is " + (attributes.isDirectory() ? "a directory" : "a named pipe, socket or device")
						+ ", not a regular file");
			}
			byte[] bytes;
			try (InputStream in = Files.newInputStream(file)) {
				bytes = attributes.size() > MAX_BYTES ? null : in.readNBytes(MAX_BYTES + 1); // it may grow meanwhile
			}
			if (bytes == null || bytes.length > MAX_BYTES) {
				throw damaged("it is larger than 1 MiB");
			}
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (NoSuchFileException e) {
			return null;
		}
		catch (CharacterCodingException e) {
			throw damaged("it is not UTF-8 text");
		}
		catch (IOException e) {
			// e.g. not readable by this user: like damage, it must not stop help or login
			throw damaged("it cannot be read: " + e.getMessage());
		}
	}

	/**
	 * Read-modify-write under an exclusive lock shared with other shell processes; a damaged file stays as it is.
	 * Keys that this version does not know (written by a later one, or by hand) are kept as they were.
	 */
	public SavedConfig update(UnaryOperator<SavedConfig> change) {
		return locked(() -> {
			String text = read();
			SavedConfig next = change.apply(text == null ? SavedConfig.EMPTY : parse(text));
			write(toYaml(next, text == null ? Map.of() : plain(text)));
			return next;
		});
	}

	/**
	 * When the file is damaged, renames it to {@code config.yaml.broken-<time>} (so the next write starts a fresh
	 * config) and returns the new path; otherwise does nothing.
	 */
	public Optional<Path> setAsideDamaged() {
		return locked(() -> {
			try {
				load();
				return Optional.<Path>empty();
			}
			catch (DamagedConfigException e) {
				String base = file.getFileName() + ".broken-" + STAMP.format(clock.instant());
				for (int n = 1;; n++) {
					Path kept = file.resolveSibling(n == 1 ? base : base + "-" + n);
					try {
						Files.move(file, kept);
						log.warn("Damaged config {} kept as {}: {}", file, kept, e.getMessage());
						return Optional.of(kept);
					}
					catch (FileAlreadyExistsException taken) {
						// two set-asides in the same second: take the next name
					}
				}
			}
		});
	}

	/**
	 * At start: creates the config directory (0700) and removes temp files that an interrupted write left behind.
	 * Only when no other shell holds the lock, since a temp file of a write in progress must not vanish under it.
	 */
	public void tidy() {
		try {
			createDirectory();
			Path lockFile = lockFile();
			IN_PROCESS.lock();
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.tryLock()) {
				if (lock == null) {
					return;
				}
				try (DirectoryStream<Path> temps = Files.newDirectoryStream(file.getParent(),
						TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
					for (Path temp : temps) {
						Files.deleteIfExists(temp);
						log.info("Removed {} left by an interrupted write", temp);
					}
				}
			}
			finally {
				IN_PROCESS.unlock();
			}
		}
		catch (IOException e) {
			log.warn("Cannot tidy {}: {}", file.getParent(), e.toString());
		}
	}

	private interface Locked<T> {

		T run() throws IOException;

	}

	private <T> T locked(Locked<T> action) {
		try {
			createDirectory();
			IN_PROCESS.lock();
			try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				return action.run();
			}
			finally {
				IN_PROCESS.unlock();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
		}
	}

	private Path lockFile() {
		return file.resolveSibling(file.getFileName() + ".lock");
	}

	/** The directory holds credentials: private from the start (an existing directory is left as the user set it). */
	private void createDirectory() throws IOException {
		PrivateFiles.createDirectories(file.getParent());
	}

	/** Atomically replaces the file, or the target of a symbolic link to it (which stays a link, e.g. to dotfiles). */
	private void write(String yaml) throws IOException {
		PrivateFiles.replace(linkTarget(), yaml, TEMP_PREFIX, TEMP_SUFFIX);
	}

	/** The file, or where its chain of symbolic links ends (a target that does not exist yet included). */
	private Path linkTarget() throws IOException {
		Path target = file;
		for (int hops = 0; Files.isSymbolicLink(target); hops++) {
			if (hops == MAX_LINKS) {
				throw new IOException("too many levels of symbolic links");
			}
			target = target.resolveSibling(Files.readSymbolicLink(target));
		}
		return target;
	}

	/**
	 * The YAML of {@code config}, over {@code previous} (the file's content as plain maps and lists), whose entries
	 * this version does not know are kept in place: top-level keys, keys of a context, and keys of a reference that
	 * still names the same ID.
	 */
	static String toYaml(SavedConfig config, Map<?, ?> previous) {
		Map<Object, Object> root = new LinkedHashMap<>(previous);
		putOrRemove(root, "current-context", config.current());
		Map<?, ?> previousContexts = root.get("contexts") instanceof Map<?, ?> m ? m : Map.of();
		Map<String, Object> contexts = new TreeMap<>();
		config.contexts().forEach((domain, saved) -> {
			Map<Object, Object> c = new LinkedHashMap<>(mapOrEmpty(previousContexts.get(domain)));
			c.put("domain", saved.domain());
			putOrRemove(c, "token", saved.token());
			putRef(c, "organization", saved.organization());
			putRef(c, "workspace", saved.workspace());
			putRef(c, "deployment", saved.deployment());
			contexts.put(domain, c);
		});
		root.put("contexts", contexts);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		// a name with a control character (the API allows them) is written as a "\e…" escape, not as !!binary,
		// which would not read back as a string
		options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
		return "# astro-shell contexts; written by the shell (login, switch commands). Holds credentials: keep it private.\n"
				+ new Yaml(options).dump(root);
	}

	/** A file that {@link #parse} accepted, as plain maps, lists and scalars (its tags are all plain ones). */
	private static Map<?, ?> plain(String yaml) {
		return mapOrEmpty(new Yaml(loaderOptions()).load(yaml));
	}

	private static Map<?, ?> mapOrEmpty(Object value) {
		return value instanceof Map<?, ?> map ? map : Map.of();
	}

	// ---- reading: the YAML node tree, checked against the shape the writer produces

	/** Thrown for a damaged file; exit code 1. */
	static final class DamagedConfigException extends CliException {

		DamagedConfigException(String message) {
			super(message, ExitCodes.FAILURE);
		}

	}

	private static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(0); // the writer never uses anchors: an alias is at best a hand edit
		options.setAllowDuplicateKeys(false);
		return options;
	}

	SavedConfig parse(String yaml) {
		Node root;
		try {
			root = new Yaml(loaderOptions()).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException e) {
			throw damaged(at(e.getProblemMark() != null ? e.getProblemMark().getLine() : -1) + e.getProblem());
		}
		catch (YAMLException e) {
			throw damaged(e.getMessage());
		}
		if (root == null || root.getTag().equals(Tag.NULL)) {
			return SavedConfig.EMPTY;
		}
		checkTags(root);
		MappingNode top = mapping(root, "the file");
		String current = null;
		Map<String, Saved> contexts = new LinkedHashMap<>();
		for (NodeTuple entry : entries(top)) {
			String key = key(entry);
			Node value = entry.getValueNode();
			if (key.equals("current-context")) {
				current = domain(value, "current-context");
			}
			else if (key.equals("contexts") && !isNull(value)) {
				for (NodeTuple c : entries(mapping(value, "contexts"))) {
					String domain = domain(c.getKeyNode(), "a context's domain");
					contexts.put(domain, saved(domain, c.getValueNode()));
				}
			}
		}
		return new SavedConfig(current, contexts);
	}

	private Saved saved(String domain, Node node) {
		String what = "context " + domain;
		MappingNode map = mapping(node, what);
		String token = null;
		Ref organization = null;
		Ref workspace = null;
		Ref deployment = null;
		for (NodeTuple entry : entries(map)) {
			Node value = entry.getValueNode();
			switch (key(entry)) {
				case "domain" -> {
					if (!domain.equals(string(value, what + ": domain"))) {
						throw damaged(at(value) + what + ": domain differs from its key '" + domain + "'");
					}
				}
				case "token" -> token = string(value, what + ": token");
				case "organization" -> organization = ref(value, what + ": organization");
				case "workspace" -> workspace = ref(value, what + ": workspace");
				case "deployment" -> deployment = ref(value, what + ": deployment");
				default -> {
					// a key of a later version: kept out of the way, not an error
				}
			}
		}
		return new Saved(domain, token, organization, workspace, deployment);
	}

	private Ref ref(Node node, String what) {
		if (isNull(node)) {
			return null;
		}
		String id = null;
		String name = null;
		for (NodeTuple entry : entries(mapping(node, what))) {
			switch (key(entry)) {
				case "id" -> id = string(entry.getValueNode(), what + ": id");
				case "name" -> name = string(entry.getValueNode(), what + ": name");
				default -> {
				}
			}
		}
		if (id == null) {
			throw damaged(at(node) + what + " has no id");
		}
		return new Ref(id, name);
	}

	/** A domain: a string the API's base-URL rule turns into a URL with a host. */
	private String domain(Node node, String what) {
		String domain = string(node, what);
		if (domain == null || SessionContext.SANDBOX.equals(domain)) {
			return domain;
		}
		try {
			URI url = BaseUrls.forDomain(domain, 1);
			if (url.getHost() != null && !domain.isBlank()) {
				return domain;
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		throw damaged(at(node) + what + " '" + TerminalText.oneLine(domain) + "' is not a valid domain");
	}

	private MappingNode mapping(Node node, String what) {
		if (node instanceof MappingNode map && map.getTag().equals(Tag.MAP)) {
			return map;
		}
		throw damaged(at(node) + what + " must be a mapping (key: value lines), not " + describe(node));
	}

	private String string(Node node, String what) {
		if (isNull(node)) {
			return null;
		}
		if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
			return scalar.getValue();
		}
		throw damaged(at(node) + what + " must be a string, not " + describe(node));
	}

	private String key(NodeTuple entry) {
		return string(entry.getKeyNode(), "a key");
	}

	private Iterable<NodeTuple> entries(MappingNode map) {
		Set<String> seen = new HashSet<>();
		for (NodeTuple entry : map.getValue()) {
			if (!seen.add(key(entry))) {
				throw damaged(at(entry.getKeyNode()) + "the key '" + TerminalText.oneLine(key(entry))
						+ "' appears twice");
			}
		}
		return map.getValue();
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
	}

	private static String describe(Node node) {
		return switch (node.getNodeId()) {
			case mapping -> "a mapping";
			case sequence -> "a list";
			default -> node.getTag().equals(Tag.NULL) ? "empty"
					: "'" + TerminalText.oneLine(((ScalarNode) node).getValue()) + "' (" + tagName(node.getTag()) + ")";
		};
	}

	private static String tagName(Tag tag) {
		return tag.startsWith(Tag.PREFIX) ? tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
	}

	/**
	 * Every node, also under keys this version ignores, carries one of YAML's plain tags. SnakeYAML already refuses
	 * global tags such as {@code !!java…} (what deserialisation attacks use); this refuses local ones too, which the
	 * shell never writes.
	 */
	private void checkTags(Node node) {
		if (!PLAIN_TAGS.contains(node.getTag())) {
			throw damaged(at(node) + "unexpected tag " + TerminalText.oneLine(node.getTag().getValue()));
		}
		if (node instanceof MappingNode map) {
			for (NodeTuple entry : map.getValue()) {
				checkTags(entry.getKeyNode());
				checkTags(entry.getValueNode());
			}
		}
		else if (node instanceof SequenceNode list) {
			list.getValue().forEach(this::checkTags);
		}
	}

	private static String at(Node node) {
		return at(node.getStartMark() == null ? -1 : node.getStartMark().getLine());
	}

	private static String at(int zeroBasedLine) {
		return zeroBasedLine < 0 ? "" : "line " + (zeroBasedLine + 1) + ": ";
	}

	private DamagedConfigException damaged(String problem) {
		return new DamagedConfigException("the config file " + file + " is damaged (" + TerminalText.oneLine(problem)
				+ "); run 'login sandbox' (or 'login DOMAIN') to start a fresh one, the damaged file is kept as "
				+ file.getFileName() + ".broken-<time>");
	}

	/** Sets a reference's ID and name; its other keys stay while it names the same ID. */
	private static void putRef(Map<Object, Object> map, String key, Ref ref) {
		if (ref == null) {
			map.remove(key);
			return;
		}
		Map<?, ?> previous = mapOrEmpty(map.get(key));
		Map<Object, Object> r = new LinkedHashMap<>(ref.id().equals(previous.get("id")) ? previous : Map.of());
		r.put("id", ref.id());
		putOrRemove(r, "name", ref.name());
		map.put(key, r);
	}

	private static void putOrRemove(Map<Object, Object> map, String key, Object value) {
		if (value == null) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}
}
