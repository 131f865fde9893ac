package dev.astroshell.session;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * The completion of a command whose positional argument is an item's ID or name (a switch): both are proposed, each
 * with the other beside it. Subclasses are {@code @Component("<name>Completion")} beans, the one way completion
 * providers are registered.
 */
public abstract class IdOrNameCompletion<T> implements CompletionProvider {

	private final Supplier<List<T>> items;

	private final Function<T, String> id;

	private final Function<T, String> name;

	protected IdOrNameCompletion(Supplier<List<T>> items, Function<T, String> id, Function<T, String> name) {
		this.items = items;
		this.id = id;
		this.name = name;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		return context.getCommandOption() != null ? List.of() : Completions.safely(() -> items.get()
			.stream()
			.flatMap(item -> Stream.of(new CompletionProposal(id.apply(item)).description(name.apply(item)),
					new CompletionProposal(name.apply(item)).description(id.apply(item))))
			.toList());
	}
}
