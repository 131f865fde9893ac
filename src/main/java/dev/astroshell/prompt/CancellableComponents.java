package dev.astroshell.prompt;

import java.util.List;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;

import org.springframework.shell.jline.tui.component.ConfirmationInput;
import org.springframework.shell.jline.tui.component.ConfirmationInput.ConfirmationInputContext;
import org.springframework.shell.jline.tui.component.SingleItemSelector;
import org.springframework.shell.jline.tui.component.SingleItemSelector.SingleItemSelectorContext;
import org.springframework.shell.jline.tui.component.StringInput;
import org.springframework.shell.jline.tui.component.StringInput.StringInputContext;
import org.springframework.shell.jline.tui.component.support.SelectorItem;

/**
 * 4.0.1's TUI components have no cancel key: these bind Esc, which throws {@link PromptCancelledException} (the
 * component's own loop restores the terminal on the way out).
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

		Selector(Terminal terminal, List<SelectorItem<JLinePrompter.Option>> items, String title) {
			super(terminal, items, title, null);
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
			return done;
		}
	}

	static final class Confirmation extends ConfirmationInput {

		Confirmation(Terminal terminal, String question, boolean defaultAnswer) {
			super(terminal, question, defaultAnswer);
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
