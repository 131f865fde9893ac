package dev.astroshell.prompt;

import java.util.List;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.shell.jline.tui.component.ConfirmationInput;
import org.springframework.shell.jline.tui.component.ConfirmationInput.ConfirmationInputContext;
import org.springframework.shell.jline.tui.component.SingleItemSelector;
import org.springframework.shell.jline.tui.component.SingleItemSelector.SingleItemSelectorContext;
import org.springframework.shell.jline.tui.component.StringInput;
import org.springframework.shell.jline.tui.component.StringInput.StringInputContext;
import org.springframework.shell.jline.tui.component.support.SelectorItem;

/**
 * 4.0.1's TUI components have no cancel key: these bind Esc, which throws {@link PromptCancelledException} (the
 * component's own loop restores the terminal on the way out). The selector and the confirmation are also drawn by
 * our own renderers ({@link PickerView}; {@code yes}/{@code no} instead of {@code true}/{@code false}).
 */
final class CancellableComponents {

	private static final String OPERATION_CANCEL = "CANCEL";

	/** How long a lone Esc waits for the rest of an escape sequence (an arrow key) before it counts as Esc. */
	private static final long ESC_TIMEOUT_MS = 150;

	private CancellableComponents() {
	}

	static void bindCancel(KeyMap<String> keyMap) {
		keyMap.bind(OPERATION_CANCEL, KeyMap.esc());
		keyMap.setAmbiguousTimeout(ESC_TIMEOUT_MS);
	}

	static void checkCancel(BindingReader reader) {
		if (KeyMap.esc().equals(reader.getLastBinding())) {
			throw new PromptCancelledException();
		}
	}

	static final class Selector extends SingleItemSelector<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> {

		private PickerView.State state = new PickerView.State(false, false);

		Selector(Terminal terminal, List<SelectorItem<JLinePrompter.Option>> items, String title) {
			super(terminal, items.stream().<SelectorItem<JLinePrompter.Option>>map(i -> new Row(i.getName(), i.getItem())).toList(),
					title, null);
			setRenderer(context -> PickerView.render(context, state, terminal.getWidth()));
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			// 4.0.1 binds space to toggling an item (a multi-selector's key, a no-op here) and leaves it out of the
			// filter, so that names with spaces ("Deploy Bot") could not be typed: make it a filter character
			keyMap.bind(OPERATION_CHAR, " ");
			bindCancel(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap,
				SingleItemSelectorContext<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> context) {
			boolean done = super.read(reader, keyMap, context);
			checkCancel(reader);
			String key = reader.getLastBinding();
			boolean filterKey = key != null && key.length() == 1 && key.charAt(0) >= ' ' && key.charAt(0) != 127;
			boolean noMatch = "\r".equals(key) && !done
					&& (context.getItemStateView() == null || context.getItemStateView().isEmpty());
			state = new PickerView.State(filterKey, noMatch);
			return done;
		}
	}

	/**
	 * A picker row: its label, and the filter match that ignores case and accents ({@code equ} finds
	 * {@code Équipe}).
	 */
	record Row(String getName, JLinePrompter.Option getItem) implements SelectorItem<JLinePrompter.Option> {

		@Override
		public boolean matches(String filter) {
			return filter == null || NaturalOrder.fold(getName).contains(NaturalOrder.fold(filter));
		}

		@Override
		public boolean isEnabled() {
			return true;
		}

		@Override
		public boolean isSelected() {
			return false;
		}
	}

	static final class Confirmation extends ConfirmationInput {

		Confirmation(Terminal terminal, String question, boolean defaultAnswer) {
			super(terminal, question, defaultAnswer);
			setRenderer(Confirmation::draw);
		}

		/** {@code ? question (y/N) n} while typing; {@code ? question no} once answered. */
		private static List<AttributedString> draw(ConfirmationInputContext context) {
			AttributedStringBuilder line = new AttributedStringBuilder().append("? ")
				.append(context.getName(), AttributedStyle.BOLD)
				.append(" ");
			Boolean answer = context.getResultValue();
			if (answer != null) {
				return List.of(line.append(answer ? "yes" : "no").toAttributedString());
			}
			line.append(Boolean.TRUE.equals(context.getDefaultValue()) ? "(Y/n) " : "(y/N) ")
				.append(context.getInput() == null ? "" : context.getInput());
			if (context.getMessage() == null) {
				return List.of(line.toAttributedString());
			}
			return List.of(line.toAttributedString(), new AttributedString("  " + context.getMessage(),
					AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			bindCancel(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, ConfirmationInputContext context) {
			boolean done = super.read(reader, keyMap, context);
			checkCancel(reader);
			return done;
		}
	}

	static final class Text extends StringInput {

		Text(Terminal terminal, String prompt, String defaultValue, Character mask) {
			super(terminal, prompt, defaultValue);
			setMaskCharacter(mask);
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			bindCancel(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, StringInputContext context) {
			boolean done = super.read(reader, keyMap, context);
			checkCancel(reader);
			return done;
		}
	}

}
