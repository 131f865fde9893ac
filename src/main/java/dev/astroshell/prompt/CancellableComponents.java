package dev.astroshell.prompt;

import java.util.ArrayList;
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
import org.springframework.shell.jline.tui.component.support.AbstractSelectorComponent.ItemState;
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

	/**
	 * How a picker is drawn, instead of 4.0.1's template: the title alone on its line, the rows, then where the cursor is
	 * ({@code 10 of 63 — type to filter · ↓ 53 more}) or why Enter does nothing ({@code no match for 'xyz'}). Every line
	 * is cut to the terminal's width with an ellipsis: a wrapped line would make the component redraw over its own
	 * title, as it does on a narrow terminal.
	 */
	static final class PickerView {

		private static final String ELLIPSIS = "…";

		private static final AttributedStyle TITLE = AttributedStyle.BOLD;

		private static final AttributedStyle CURSOR = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);

		private static final AttributedStyle HINT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);

		private static final AttributedStyle WARNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

		private PickerView() {
		}

		/** What the selector's loop knows that its context does not. */
		record State(boolean filterJustChanged, boolean enterWithoutMatch) {
		}

		static List<AttributedString> render(SingleItemSelectorContext<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> context,
				State state, int width) {
			List<AttributedString> lines = new ArrayList<>();
			String title = context.getName() == null ? "" : context.getName();
			if (context.isResult()) {
				String chosen = context.getResultItem().map(i -> i.getItem().label()).orElse("");
				lines.add(fit(new AttributedStringBuilder().append("? ").append(title, TITLE).append(" ").append(chosen),
						width));
				return lines;
			}
			lines.add(fit(new AttributedStringBuilder().append("? ").append(title, TITLE), width));
			String input = context.getInput();
			List<ItemState<SelectorItem<JLinePrompter.Option>>> all = context.getItemStates() == null ? List.of()
					: context.getItemStates();
			long total = all.stream().filter(i -> i.matches(input)).count();
			List<ItemState<SelectorItem<JLinePrompter.Option>>> view = context.getItemStateView() == null ? List.of()
					: context.getItemStateView();
			// after a filter key 4.0.1 still shows the old window until the next key; it then starts at the top
			int first = state.filterJustChanged() || view.isEmpty() ? 0 : view.get(0).getIndex();
			int cursor = state.filterJustChanged() || context.getCursorRow() == null ? 0 : context.getCursorRow();
			List<ItemState<SelectorItem<JLinePrompter.Option>>> shown = all.stream()
				.filter(i -> i.matches(input))
				.skip(first)
				.limit(JLinePrompter.VISIBLE_OPTIONS)
				.toList();
			for (int row = 0; row < shown.size(); row++) {
				boolean here = first + row == cursor;
				AttributedStringBuilder line = new AttributedStringBuilder();
				line.append(here ? "> " : "  ", here ? CURSOR : AttributedStyle.DEFAULT);
				line.append(shown.get(row).getName(), here ? CURSOR : AttributedStyle.DEFAULT);
				lines.add(fit(line, width));
			}
			lines.add(fit(new AttributedStringBuilder().append("  ")
				.append(footer(input, total, all.size(), cursor, first, shown.size(), state),
						total == 0 ? WARNING : HINT),
					width));
			return lines;
		}

		private static String footer(String input, long total, int count, int cursor, int first, int shown, State state) {
			boolean filtered = input != null && !input.isEmpty();
			if (total == 0) {
				return state.enterWithoutMatch() ? "no match for '" + input + "': Backspace edits the filter, Esc cancels"
						: "0 of " + count + " match '" + input + "'";
			}
			StringBuilder f = new StringBuilder().append(cursor + 1).append(" of ").append(total);
			f.append(filtered ? " matching '" + input + "'" : " — type to filter");
			long below = total - first - shown;
			if (first > 0) {
				f.append(" · ↑ ").append(first).append(" more");
			}
			if (below > 0) {
				f.append(" · ↓ ").append(below).append(" more");
			}
			return f.toString();
		}

		/** The line cut to one column less than the terminal (a full line makes some terminals wrap). */
		private static AttributedString fit(AttributedStringBuilder line, int width) {
			AttributedString text = line.toAttributedString();
			int room = width - 1;
			if (width <= 0 || text.columnLength() <= room) {
				return text;
			}
			return new AttributedStringBuilder().append(text.columnSubSequence(0, Math.max(0, room - 1)))
				.append(ELLIPSIS)
				.toAttributedString();
		}

	}

}
