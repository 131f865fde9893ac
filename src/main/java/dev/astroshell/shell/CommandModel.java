package dev.astroshell.shell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.CompletedBy;
import dev.astroshell.cli.CommandNames;
import dev.astroshell.cli.Completer;
import dev.astroshell.cli.HelpText;
import dev.astroshell.cli.OutputFormat;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The one index of the commands, built once at startup from the registry and the annotated methods: names and word
 * aliases, options (names, type, default), positional arguments, and the {@link Completer} of each option and
 * argument ({@link CompletedBy} beside it; {@code -o}/{@code --output} completes to the output formats). The parser,
 * the completer, {@code help}, the executor and did-you-mean read it. Word aliases come from
 * {@code @Command(alias = …)}, as {@link CommandNames} reads them.
 */
@Component
public class CommandModel {

	/**
	 * 4.0.1's MethodInvokerCommandAdapter keeps the annotated method private and has no accessor; the model needs it
	 * for the arguments and the completers. Looked up when the bean is created: a framework that changed stops the
	 * shell at startup, with a message saying so, instead of silently losing arguments, their help and completion.
	 */
	private final Field methodField = methodField(MethodInvokerCommandAdapter.class);

	private final CommandRegistry registry;

	private final BeanFactory beans;

	private volatile Index index;

	public CommandModel(CommandRegistry registry, BeanFactory beans) {
		this.registry = registry;
		this.beans = beans;
	}

	/** One command: its options and positional arguments, sorted, with their completers. */
	public record Spec(Command command, String name, String group, String description, List<String> aliases,
			String examples, List<OptionSpec> options, List<ArgumentSpec> arguments, Method method)
			implements HelpText.Topic {

		Spec(Command command, List<OptionSpec> options, List<ArgumentSpec> arguments, Method method) {
			// 4.0.1 describes a command without a description as N/A
			this(command, command.getName(), command.getGroup(),
					"N/A".equals(command.getDescription()) ? "" : Objects.toString(command.getDescription(), ""),
					command.getAliases(), Objects.toString(command.getHelp(), ""), options, arguments, method);
		}

		/** The option {@code word} names ({@code --name} or {@code -t}), or null. */
		public OptionSpec option(String word) {
			return options.stream().filter(o -> o.names().contains(word)).findFirst().orElse(null);
		}

		/** {@code --help}, or {@code -h} unless the command declares it. */
		boolean isHelp(String word) {
			return word.equals("--help") || (word.equals("-h") && option("-h") == null);
		}

		/** How many positional arguments it takes; empty when any number ({@code @Arguments}, or no method). */
		Optional<Integer> maxArguments() {
			boolean any = method == null || arguments.stream().anyMatch(ArgumentSpec::variadic);
			return any ? Optional.empty() : Optional.of(arguments.size());
		}

		/** The completer of the positional argument at {@code position}, or null. */
		Completer argumentCompleter(int position) {
			return arguments.stream()
				.filter(a -> a.variadic() || a.index() == position)
				.findFirst()
				.map(ArgumentSpec::completer)
				.orElse(null);
		}
	}

	/** A declared option, with the completer of its values (null: none). */
	public record OptionSpec(String longName, char shortName, Class<?> type, boolean required, String defaultValue,
			String description, Completer completer) implements HelpText.Flag {

		OptionSpec(CommandOption option, Completer completer) {
			this(option.longName(), option.shortName(), option.type(), Boolean.TRUE.equals(option.required()),
					Objects.toString(option.defaultValue(), ""), Objects.toString(option.description(), ""), completer);
		}

		@Override
		public boolean isFlag() {
			return type == boolean.class || type == Boolean.class;
		}

		/** {@code --name} and {@code -n}, those it has. */
		@Override
		public List<String> names() {
			return Stream.of(StringUtils.hasLength(longName) ? "--" + longName : null,
					shortName != ' ' ? "-" + shortName : null).filter(Objects::nonNull).toList();
		}

		/** {@code --name}, or {@code -n} when it has no long name. */
		public String display() {
			return names().get(0);
		}

		/** Fails naming the option when {@code value} cannot be converted to its type. */
		void check(String value) {
			Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
			String expected = isFlag() ? "true or false" : boxed == Double.class ? "a number"
					: boxed == Integer.class || boxed == Long.class ? "a whole number" : null;
			if (expected != null && !converts(boxed, value)) {
				throw CliException.usage("invalid value '" + value + "' for " + display() + ": expected " + expected);
			}
		}

		private static boolean converts(Class<?> type, String value) {
			try {
				Number parsed = type == Boolean.class ? null : type == Double.class ? (Number) Double.valueOf(value)
						: type == Long.class ? (Number) Long.valueOf(value) : (Number) Integer.valueOf(value);
				return parsed != null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
			}
			catch (NumberFormatException e) {
				return false;
			}
		}
	}

	/**
	 * A positional argument, from an {@code @Argument} (or the {@code @Arguments}) parameter.
	 * @param label {@code tokenId} → {@code TOKEN_ID}
	 * @param variadic the {@code @Arguments} parameter, which takes every positional word
	 */
	public record ArgumentSpec(int index, String label, String description, String defaultValue, boolean variadic,
			Completer completer) implements HelpText.Argument {
	}

	/**
	 * How the leading words of a line name a command.
	 * @param names the canonical command words matched (empty: unknown first word)
	 * @param command the command they name, or null for a group prefix or an unknown word
	 */
	public record Resolution(List<String> names, Spec command) {

		public String name() {
			return String.join(" ", names);
		}

		public boolean isGroup() {
			return !names.isEmpty() && command == null;
		}
	}

	/** The visible commands, sorted by name. */
	public List<Spec> commands() {
		return index().commands();
	}

	/** The command with this canonical name, or null. */
	public Spec command(String name) {
		return index().byName().get(name);
	}

	/** The command names and their word aliases: next words, did-you-mean. */
	public CommandNames names() {
		return index().names();
	}

	/** Matches the leading words (before the first option) against the command names; the longest match wins. */
	public Resolution resolve(List<String> words) {
		List<String> names = index().names().resolve(words);
		return new Resolution(names, command(String.join(" ", names)));
	}

	static Field methodField(Class<?> adapter) {
		Field field = ReflectionUtils.findField(adapter, "method", Method.class);
		if (field == null) {
			throw new IllegalStateException("Spring Shell changed: " + adapter.getName()
					+ " has no field 'method' any more, which CommandModel reads to know a command's arguments;"
					+ " adapt CommandModel.spec() to this Spring Shell version");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/** Builds the index once every command is registered, so that a wrong alias or completer stops the start. */
	@EventListener(ContextRefreshedEvent.class)
	void build() {
		Map<String, Spec> byName = registry.getCommands().stream().filter(c -> !c.isHidden()).map(this::spec)
			.collect(Collectors.toMap(Spec::name, c -> c, (a, b) -> a, TreeMap::new));
		index = new Index(List.copyOf(byName.values()), byName, new CommandNames(byName.values().stream()
			.collect(Collectors.toMap(Spec::name, Spec::aliases, (a, b) -> a, TreeMap::new))));
	}

	private Index index() {
		if (index == null) {
			build();
		}
		return index;
	}

	private Spec spec(Command command) {
		Method method = command instanceof MethodInvokerCommandAdapter
				? (Method) ReflectionUtils.getField(methodField, command) : null;
		Map<String, Parameter> optionParameters = new TreeMap<>();
		List<ArgumentSpec> arguments = new ArrayList<>();
		for (Parameter parameter : method == null ? new Parameter[0] : method.getParameters()) {
			Option option = parameter.getAnnotation(Option.class);
			Argument argument = parameter.getAnnotation(Argument.class);
			String label = parameter.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
			if (option != null) {
				optionParameters.put(option.longName().isEmpty() ? parameter.getName() : option.longName(), parameter);
			}
			else if (argument != null) {
				arguments.add(new ArgumentSpec(argument.index(), label, argument.description(),
						argument.defaultValue(), false, completer(parameter)));
			}
			else if (parameter.isAnnotationPresent(Arguments.class)) {
				arguments.add(new ArgumentSpec(Integer.MAX_VALUE, label, "", "", true, completer(parameter)));
			}
		}
		arguments.sort(Comparator.comparingInt(ArgumentSpec::index));
		List<OptionSpec> options = command.getOptions()
			.stream()
			.map(o -> new OptionSpec(o, Optional.ofNullable(completer(optionParameters.get(o.longName())))
				.orElse("output".equals(o.longName()) ? OutputFormat.COMPLETER : null)))
			.sorted(Comparator.comparing(OptionSpec::longName, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		return new Spec(command, options, List.copyOf(arguments), method);
	}

	private Completer completer(Parameter parameter) {
		CompletedBy by = parameter == null ? null : parameter.getAnnotation(CompletedBy.class);
		if (by == null) {
			return null;
		}
		Completer completer = beans.getBeanProvider(by.value()).getIfUnique();
		if (completer != null) {
			return completer;
		}
		throw new IllegalStateException("@CompletedBy(" + by.value().getSimpleName() + ") on " + parameter.getName()
				+ " of " + parameter.getDeclaringExecutable() + " names no single bean; make it a @Component");
	}

	private record Index(List<Spec> commands, Map<String, Spec> byName, CommandNames names) {
	}

}
