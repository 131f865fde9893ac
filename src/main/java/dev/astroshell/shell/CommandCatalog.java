package dev.astroshell.shell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * The registered commands as the parser, the completer and {@code help} see them: sorted, resolvable word by word
 * (with word aliases), and linked to their annotated method.
 * <p>
 * Word aliases come from {@code @Command(alias = …)}: an alias has as many words as the name, and each of its words
 * is an alias of the name's word at the same position, shared by every command under the same prefix. So
 * {@code alias = "de to ls"} on {@code deployment token list} makes {@code de}/{@code to} usable in every
 * {@code deployment token …} command, and {@code ls} mean {@code list} after {@code deployment token}.
 */
@Component
public class CommandCatalog {

	/**
	 * 4.0.1's MethodInvokerCommandAdapter keeps the annotated method private and has no accessor; the parser and
	 * {@code help} need it for the positional arguments. Looked up when the bean is created: a framework that changed
	 * stops the shell at startup, with a message saying so, instead of silently losing arguments and their help.
	 */
	private final Field methodField = methodField(MethodInvokerCommandAdapter.class);

	private final CommandRegistry registry;

	private volatile Index index;

	public CommandCatalog(CommandRegistry registry) {
		this.registry = registry;
	}

	/**
	 * How the leading words of a line name a command.
	 * @param names the canonical command words matched (empty: unknown first word)
	 * @param command the command they name, or null for a group prefix or an unknown word
	 */
	public record Resolution(List<String> names, Command command) {

		public String name() {
			return String.join(" ", names);
		}

		public boolean isUnknown() {
			return names.isEmpty();
		}

		public boolean isGroup() {
			return !names.isEmpty() && command == null;
		}
	}

	/** The visible commands, sorted by name. */
	public List<Command> commands() {
		return index().commands;
	}

	/** The command with this canonical name, or null. */
	public Command command(String name) {
		return index().byName.get(name);
	}

	/** The commands whose name starts with the words of {@code prefix}, sorted. */
	public List<Command> commandsUnder(String prefix) {
		String start = prefix.isEmpty() ? "" : prefix + " ";
		return commands().stream().filter(c -> c.getName().startsWith(start) || c.getName().equals(prefix)).toList();
	}

	/** The canonical words that may follow {@code prefix} in a command name. */
	public Set<String> nextWords(String prefix) {
		return index().nextWords.getOrDefault(prefix, Set.of());
	}

	/**
	 * Matches the leading words (before the first option) against the command names, expanding word aliases;
	 * the longest match wins.
	 */
	public Resolution resolve(List<String> words) {
		Index idx = index();
		List<String> names = new ArrayList<>();
		String prefix = "";
		for (String word : words) {
			Set<String> next = idx.nextWords.getOrDefault(prefix, Set.of());
			String canonical = next.contains(word) ? word
					: idx.wordAliases.getOrDefault(prefix, Map.of()).get(word);
			if (canonical == null) {
				break;
			}
			names.add(canonical);
			prefix = String.join(" ", names);
		}
		return new Resolution(List.copyOf(names), idx.byName.get(prefix));
	}

	static Field methodField(Class<?> adapter) {
		Field field = ReflectionUtils.findField(adapter, "method", Method.class);
		if (field == null) {
			throw new IllegalStateException("Spring Shell changed: " + adapter.getName()
					+ " has no field 'method' any more, which CommandCatalog reads to know a command's arguments;"
					+ " adapt CommandCatalog.method() to this Spring Shell version");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/** The annotated method behind a command, when it was declared with {@code @Command}. */
	public Optional<Method> method(Command command) {
		if (!(command instanceof MethodInvokerCommandAdapter)) {
			return Optional.empty();
		}
		return Optional.ofNullable((Method) ReflectionUtils.getField(methodField, command));
	}

	/** The word aliases usable in this command's name, by word, e.g. {@code deployment -> [de, deployments]}. */
	public Map<String, List<String>> wordAliases(Command command) {
		Index idx = index();
		Map<String, List<String>> result = new LinkedHashMap<>();
		List<String> words = List.of(command.getName().split(" "));
		for (int i = 0; i < words.size(); i++) {
			String prefix = String.join(" ", words.subList(0, i));
			String word = words.get(i);
			List<String> aliases = idx.wordAliases.getOrDefault(prefix, Map.of())
				.entrySet()
				.stream()
				.filter(e -> e.getValue().equals(word))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			if (!aliases.isEmpty()) {
				result.put(word, aliases);
			}
		}
		return result;
	}

	private Index index() {
		Index current = index;
		if (current == null) {
			// built on first use: the registry is complete only once every singleton exists
			current = new Index(registry.getCommands());
			index = current;
		}
		return current;
	}

	private static final class Index {

		final List<Command> commands;

		final Map<String, Command> byName = new TreeMap<>();

		/** prefix → canonical next words */
		final Map<String, Set<String>> nextWords = new TreeMap<>();

		/** prefix → alias word → canonical word */
		final Map<String, Map<String, String>> wordAliases = new TreeMap<>();

		Index(Set<Command> all) {
			commands = all.stream()
				.filter(c -> !c.isHidden())
				.sorted(Comparator.comparing(Command::getName))
				.toList();
			for (Command command : commands) {
				byName.put(command.getName(), command);
				String[] words = command.getName().split(" ");
				for (int i = 0; i < words.length; i++) {
					String prefix = String.join(" ", List.of(words).subList(0, i));
					nextWords.computeIfAbsent(prefix, p -> new TreeSet<>()).add(words[i]);
				}
			}
			for (Command command : commands) {
				addAliases(command);
			}
		}

		private void addAliases(Command command) {
			String[] words = command.getName().split(" ");
			for (String alias : command.getAliases()) {
				String[] aliasWords = alias.trim().split("\\s+");
				if (aliasWords.length != words.length) {
					throw new IllegalStateException("alias '" + alias + "' of command '" + command.getName()
							+ "' must have one word for each word of the name");
				}
				for (int i = 0; i < words.length; i++) {
					String prefix = String.join(" ", List.of(words).subList(0, i));
					if (aliasWords[i].equals(words[i]) || nextWords.get(prefix).contains(aliasWords[i])) {
						continue;
					}
					String previous = wordAliases.computeIfAbsent(prefix, p -> new TreeMap<>())
						.putIfAbsent(aliasWords[i], words[i]);
					if (previous != null && !previous.equals(words[i])) {
						throw new IllegalStateException("alias '" + aliasWords[i] + "' after '" + prefix
								+ "' stands for both '" + previous + "' and '" + words[i] + "'");
					}
				}
			}
		}

	}

}
