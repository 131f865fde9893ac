package dev.astroshell;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

import dev.astroshell.api.AstroApi;
import dev.astroshell.cli.Completer;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.sandbox.InProcessSandbox;
import dev.astroshell.sandbox.SandboxCommands;
import dev.astroshell.shell.CommandLineParser;
import dev.astroshell.shell.CommandModel;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.web.reactive.function.client.WebClient;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the production code (README, "Inside"): a framework-free core, domain packages that see only
 * Spring Shell's command programming model, and a thin {@code shell} adapter around the rest of Spring Shell.
 */
@AnalyzeClasses(packages = "dev.astroshell",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotAotGenerated.class })
class ArchitectureTest {

	/**
	 * What a domain package may use of Spring Shell: the annotations and the command's context. Completion is the
	 * core's {@link Completer}, named beside each option with {@link dev.astroshell.cli.CompletedBy}.
	 */
	private static final DescribedPredicate<JavaClass> COMMAND_PROGRAMMING_MODEL = resideInAPackage(
			"org.springframework.shell.core.command.annotation..")
		.or(belongToAnyOf(CommandContext.class))
		.as("Spring Shell's command programming model");

	/** Everything but the one reader of option syntax: the command model and its parser (nested classes included). */
	private static final DescribedPredicate<JavaClass> OUTSIDE_THE_COMMAND_MODEL = DescribedPredicate
		.not(belongToAnyOf(CommandModel.class, CommandLineParser.class))
		.as("are outside the command model and its parser");

	/** The JLine prompter and its component helpers (nested classes included). */
	private static final DescribedPredicate<JavaClass> JLINE_PROMPTER = DescribedPredicate.describe(
			"the JLine prompter",
			c -> c.getName().matches("dev\\.astroshell\\.prompt\\.(JLinePrompter|CancellableComponents)(\\$.*)?"));

	/** The sandbox's server side: everything in the package but the in-shell starter and the commands. */
	private static final DescribedPredicate<JavaClass> SANDBOX_SERVER_SIDE = resideInAPackage(
			"dev.astroshell.sandbox..")
		.and(DescribedPredicate.not(belongToAnyOf(InProcessSandbox.class, SandboxCommands.class)))
		.as("the sandbox's server side");

	/** Classes that declare {@code @Command} methods. */
	private static final DescribedPredicate<JavaClass> COMMAND_CLASSES = DescribedPredicate.describe(
			"declare @Command methods", c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Command.class)));

	@ArchTest
	static final ArchRule noCyclesBetweenPackages = slices().matching("dev.astroshell.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule apiKnowsOnlyTheSettings = noClasses().that()
		.resideInAPackage("dev.astroshell.api..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.astroshell..")
			.and(DescribedPredicate.not(resideInAPackage("dev.astroshell.api..")))
			.and(DescribedPredicate.not(belongToAnyOf(AstroProperties.class)))
			.as("our classes outside api other than AstroProperties"));

	@ArchTest
	static final ArchRule cliIsFrameworkFree = noClasses().that()
		.resideInAPackage("dev.astroshell.cli..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.shell..", "org.jline..");

	@ArchTest
	static final ArchRule springShellOutsideTheAdapterIsOnlyTheCommandModel = noClasses().that()
		.resideOutsideOfPackage("dev.astroshell.shell..")
		.and(DescribedPredicate.not(JLINE_PROMPTER))
		.should()
		.dependOnClassesThat(resideInAPackage("org.springframework.shell..")
			.and(DescribedPredicate.not(COMMAND_PROGRAMMING_MODEL))
			.as("Spring Shell beyond its command programming model"))
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("org.jline..")
		.because("only the shell adapter and the JLine prompter may depend on the UI framework");

	@ArchTest
	static final ArchRule sandboxServerSideKnowsNoShell = noClasses().that(SANDBOX_SERVER_SIDE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.astroshell.session..", "dev.astroshell.shell..", "dev.astroshell.token..",
				"dev.astroshell.prompt..", "dev.astroshell.api..", "org.springframework.shell..", "org.jline..");

	@ArchTest
	static final ArchRule nothingOutsideTheSandboxDependsOnIt = noClasses().that()
		.resideOutsideOfPackage("dev.astroshell.sandbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.astroshell.sandbox..")
		.because("the session reaches the built-in sandbox only through session.BuiltInSandbox, which the starter "
				+ "(InProcessSandbox) implements, and Spring finds the sandbox commands");

	@ArchTest
	static final ArchRule commandClassesOnlyParseAndDelegate = noClasses().that(COMMAND_CLASSES)
		.should()
		.callMethodWhere(target(owner(assignableTo(AstroApi.class).or(assignableTo(WebClient.class))
			.or(assignableTo(Prompter.class)))))
		.because("a command parses its input and delegates; the API and the prompts belong to the services");

	@ArchTest
	static final ArchRule onlyTheGatewayCallsTheApi = noClasses().that()
		.resideOutsideOfPackages("dev.astroshell.api..", "dev.astroshell.gateway..")
		.should()
		.callMethodWhere(target(owner(assignableTo(AstroApi.class))))
		.because("the token, deployment, workspace and organization logic reach the API through the gateway, "
				+ "which names every wait and settles every write");

	@ArchTest
	static final ArchRule reactorOnlyInTheClientTheSandboxAndTheGateway = noClasses().that()
		.resideOutsideOfPackages("dev.astroshell.api..", "dev.astroshell.sandbox..", "dev.astroshell.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("reactor..")
		.because("the rest of the shell is blocking: the gateway waits for the reactive client");

	@ArchTest
	static final ArchRule onlyTheCommandModelReadsOptionSyntax = noClasses().that(OUTSIDE_THE_COMMAND_MODEL)
		.should()
		.callMethod(CommandOption.class, "isOptionEqual", String.class)
		.orShould()
		.dependOnClassesThat(belongToAnyOf(CompletionContext.class, CompletionProvider.class))
		.because("the parser reads a line once, for the executor and for Tab; the others read what it found");

	@ArchTest
	static final ArchRule completionIsRegisteredBesideTheOption = noMethods().that()
		.areAnnotatedWith(Command.class)
		.should()
		.beAnnotatedWith(DescribedPredicate.describe("a completionProvider bean name",
				(JavaAnnotation<?> a) -> a.getRawType().isEquivalentTo(Command.class)
						&& !"".equals(a.get("completionProvider").orElse(""))))
		.because("an option or argument names its Completer with @CompletedBy");

	@ArchTest
	static final ArchRule completersAreOnePerKindOfValue = classes().that()
		.implement(Completer.class)
		.should(ArchConditions.be(DescribedPredicate.describe("a direct implementation of Completer",
				(JavaClass c) -> c.getRawSuperclass()
					.map(s -> s.isEquivalentTo(Object.class) || s.isEquivalentTo(Record.class))
					.orElse(true))))
		.because("one completer per kind of value, not one subclass of a shared provider per command");

	/** Spring AOT's generated bean registrations (Foo__BeanDefinitions) wire every package together by design. */
	static final class NotAotGenerated implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("__");
		}

	}

}
