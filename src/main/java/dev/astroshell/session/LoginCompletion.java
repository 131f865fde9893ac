package dev.astroshell.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.astroshell.cli.Completer;
import dev.astroshell.prompt.NaturalOrder;

import org.springframework.stereotype.Component;

/**
 * The domains {@code login} proposes: the saved contexts' and the usual ones (Astro's, a local
 * {@code sandbox serve}, the built-in sandbox).
 */
@Component
record LoginCompletion(ConfigStore store) implements Completer {

	static final List<String> USUAL_DOMAINS = List.of("astronomer.io", "localhost", SessionContext.SANDBOX);

	@Override
	public List<Proposal> complete(Request request) {
		TreeSet<String> domains = new TreeSet<>(store.load().contexts().keySet());
		domains.addAll(USUAL_DOMAINS);
		return domains.stream().map(Proposal::of).toList();
	}

	/** A file's path ({@code --token-file}), {@code ~/} included. */
	@Component
	static class FilePaths implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return paths(request.word());
		}

	}

	/**
	 * The entries of the directory that {@code typed} is in, as typed ({@code ~/} stays {@code ~/}); a directory ends
	 * with {@code /} and leaves the word open. Hidden entries only once a {@code .} is typed.
	 */
	static List<Proposal> paths(String typed) {
		String home = System.getProperty("user.home");
		String expanded = typed.equals("~") || typed.startsWith("~/") ? home + typed.substring(1) : typed;
		int slash = expanded.lastIndexOf('/');
		Path directory = slash < 0 ? Path.of(".") : Path.of(expanded.substring(0, slash + 1));
		String typedDirectory = typed.substring(0, typed.lastIndexOf('/') + 1);
		boolean hidden = expanded.substring(slash + 1).startsWith(".");
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(p -> hidden || !p.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.NAMES))
				.map(p -> {
					boolean isDirectory = Files.isDirectory(p);
					String name = p.getFileName() + (isDirectory ? "/" : "");
					return new Proposal(typedDirectory + name, name, null, !isDirectory);
				})
				.toList();
		}
		catch (IOException e) {
			return List.of(); // no such directory: nothing to propose
		}
	}

}
