/**
 * The thin adapter around Spring Shell 4.0.1: the only package (with the JLine prompter in {@code prompt}) that
 * uses Spring Shell beyond its command programming model, or JLine (checked by {@code ArchitectureTest}).
 * {@link CommandModel} is the one index of the commands, and {@link CommandLineParser} the one reader of option syntax
 * on it; the completer, {@code help}, the executor and did-you-mean read what they found.
 * <p>
 * Its workarounds, one line each (defect of 4.0.1 → the class that works around it). Each defect has a canary in
 * {@code SpringShellDefectCanaryTest}, which fails once an upgrade fixes it and names the workaround that may go:
 * <ul>
 * <li>stock parser ignores unknown options, asks a value of a flag on a multi-word command, lets a flag swallow the
 * next word, knows {@code --help} only after one word and no word aliases, splits inside single quotes →
 * {@link CommandLineParser}</li>
 * <li>stock completer completes nothing for a partly typed positional after a multi-word command, and completion is
 * one provider per command named by a bean-name string → {@link ShellCompleter} on the {@link CommandModel}</li>
 * <li>stock help omits {@code @Argument}s, prints a wrong SYNOPSIS and lists commands in random order →
 * {@link BuiltInCommands} ({@code cli.HelpText} lays it out)</li>
 * <li>stock line parser hides the opening quote from JLine and never quotes a candidate; its bean is not
 * {@code @ConditionalOnMissingBean} → {@link QuotingLineParser} ({@code @Primary})</li>
 * <li>stock REPL ends on Ctrl-C and ignores arguments; the one-shot runner exits 0 on failures →
 * {@link ShellRunner}, {@link ShellExecutor}</li>
 * <li>the line reader expands {@code !} and matches Tab case-sensitively → {@link LineReaderSetup}</li>
 * <li>no accessor for a command's annotated method → {@link CommandModel} (reflects on the private field, fails
 * at startup if it is gone)</li>
 * <li>a command's exception arrives wrapped in the reflective call's {@code InvocationTargetException} →
 * {@code cli.Failure.of} unwraps it</li>
 * <li>stock history records every line → {@link SecretFilteringHistory}</li>
 * <li>TUI components have no cancel key and the single selector binds space to SELECT (no spaces in its filter) →
 * {@code prompt.CancellableComponents}; Ctrl-C in a component ends the JVM → {@code prompt.JLinePrompter}</li>
 * </ul>
 */
package dev.astroshell.shell;
