package dev.astroshell.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The commands' names, word by word, with their word aliases. An alias has as many words as the name, and each of
 * its words is an alias of the name's word at the same position, shared by every command under the same prefix. So
 * {@code alias = "de to ls"} on {@code deployment token list} makes {@code de}/{@code to} usable in every
 * {@code deployment token …} command, and {@code ls} mean {@code list} after {@code deployment token}.
 */
public final class CommandNames {

	/** prefix → canonical next words */
	private final Map<String, Set<String>> nextWords = new TreeMap<>();

	/** prefix → alias word → canonical word */
	private final Map<String, Map<String, String>> wordAliases = new TreeMap<>();

	private final Set<String> names;

	/**
	 * @param aliases each command's name and its aliases
	 * @throws IllegalStateException for an alias that does not have a word for each word of the name, or an alias
	 * word that would stand for two words
	 */
	public CommandNames(Map<String, List<String>> aliases) {
		names = new TreeSet<>(aliases.keySet());
		for (String name : names) {
			String[] words = name.split(" ");
			for (int i = 0; i < words.length; i++) {
				nextWords.computeIfAbsent(prefix(words, i), p -> new TreeSet<>()).add(words[i]);
			}
		}
		aliases.forEach(this::addAliases);
	}

	private static String prefix(String[] words, int length) {
		return String.join(" ", List.of(words).subList(0, length));
	}

	private void addAliases(String name, List<String> aliases) {
		String[] words = name.split(" ");
		for (String alias : aliases) {
			String[] aliasWords = alias.trim().split("\\s+");
			if (aliasWords.length != words.length) {
				throw new IllegalStateException("alias '" + alias + "' of command '" + name
						+ "' must have one word for each word of the name");
			}
			for (int i = 0; i < words.length; i++) {
				String prefix = prefix(words, i);
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

	/** The canonical words that may follow {@code prefix} in a command name. */
	public Set<String> nextWords(String prefix) {
		return nextWords.getOrDefault(prefix, Set.of());
	}

	/** The canonical words that the leading {@code words} name, word aliases expanded, up to the first unknown. */
	public List<String> resolve(List<String> words) {
		List<String> names = new ArrayList<>();
		for (String word : words) {
			String prefix = String.join(" ", names);
			String canonical = nextWords(prefix).contains(word) ? word
					: wordAliases.getOrDefault(prefix, Map.of()).get(word);
			if (canonical == null) {
				break;
			}
			names.add(canonical);
		}
		return List.copyOf(names);
	}

	/** The word aliases usable in a command's name, by word, e.g. {@code deployment -> [de, deployments]}. */
	public Map<String, List<String>> wordAliases(String name) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		String[] words = name.split(" ");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			List<String> aliases = wordAliases.getOrDefault(prefix(words, i), Map.of())
				.entrySet()
				.stream()
				.filter(e -> e.getValue().equals(word))
				.map(Map.Entry::getKey)
				.toList();
			if (!aliases.isEmpty()) {
				result.put(word, aliases);
			}
		}
		return result;
	}

	/** The command the leading words most likely meant, correcting each unknown word in turn (did-you-mean). */
	public Optional<String> correction(List<String> words) {
		List<String> corrected = new ArrayList<>(words.stream().takeWhile(w -> !w.startsWith("-")).toList());
		boolean changed = false;
		while (true) {
			List<String> known = resolve(corrected);
			String name = String.join(" ", known);
			Optional<String> fix = names.contains(name) || known.size() == corrected.size() ? Optional.empty()
					: Suggestions.closest(corrected.get(known.size()), nextWords(name));
			if (fix.isEmpty()) {
				return changed ? Optional.of(name) : Optional.empty();
			}
			corrected.set(known.size(), fix.get());
			changed = true;
		}
	}

}
