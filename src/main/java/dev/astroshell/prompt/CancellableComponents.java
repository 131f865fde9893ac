package dev.astroshell.prompt;

import java.util.ArrayList;
import java.util.List;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
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

	/** Bound to keys that do nothing here: 4.0.1's components ignore an operation they do not know. */
	private static final String OPERATION_IGNORE = "IGNORE";

	/** How long a lone Esc waits for the rest of an escape sequence (an arrow key) before it counts as Esc. */
	private static final long ESC_TIMEOUT_MS = 150;

	private CancellableComponents() {
	}

	/**
	 * Esc cancels. Every other escape sequence a key may send (F5, Insert, Ctrl-arrows, Alt-x) is bound to nothing
	 * where the component has not bound it: unbound, the reader would drop its Esc and type the rest ({@code [15~})
	 * into the input.
	 */
	static void bindCancel(KeyMap<String> keyMap) {
		keyMap.bind(OPERATION_CANCEL, KeyMap.esc());
		keyMap.setAmbiguousTimeout(ESC_TIMEOUT_MS);
		for (char last = 0x40; last <= 0x7e; last++) {
			ignore(keyMap, "\033[" + last);
			ignore(keyMap, "\033O" + last);
			for (int modifier = 2; modifier <= 8; modifier++) {
				ignore(keyMap, "\033[1;" + modifier + last);
			}
		}
		for (int key = 1; key <= 34; key++) {
			ignore(keyMap, "\033[" + key + "~");
			for (int modifier = 2; modifier <= 8; modifier++) {
				ignore(keyMap, "\033[" + key + ";" + modifier + "~");
			}
		}
		for (char c = ' '; c < 0x7f; c++) {
			if (c != '[' && c != 'O') {
				ignore(keyMap, "\033" + c); // Alt and a key
			}
		}
	}

	private static void ignore(KeyMap<String> keyMap, String sequence) {
		if (keyMap.getBound(sequence) == null) {
			keyMap.bind(OPERATION_IGNORE, sequence);
		}
	}

	static void checkCancel(BindingReader reader) {
		if (KeyMap.esc().equals(reader.getLastBinding())) {
			throw new PromptCancelledException();
		}
	}

	static final class Selector extends SingleItemSelector<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> {

		/** Keys 4.0.1 does not bind: each becomes a run of its own up/down keys (Ctrl-Y/Ctrl-E). */
		private enum Jump {
			PAGE_UP, PAGE_DOWN, HOME, END;

			static Jump of(String operation) {
				for (Jump jump : values()) {
					if (jump.name().equals(operation)) {
						return jump;
					}
				}
				return null;
			}
		}

		private static final String UP = KeyMap.ctrl('Y');

		private static final String DOWN = KeyMap.ctrl('E');

		private PickerView.State state = new PickerView.State(false, false);

		private final int pageSize;

		Selector(Terminal terminal, List<SelectorItem<JLinePrompter.Option>> items, String title, PickerView view,
				int pageSize) {
			super(terminal, items.stream().<SelectorItem<JLinePrompter.Option>>map(i -> new Row(i.getName(), i.getItem())).toList(),
					title, null);
			this.pageSize = pageSize;
			setRenderer(context -> view.render(context, state, terminal.getWidth()));
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			// 4.0.1 binds space to toggling an item (a multi-selector's key, a no-op here) and leaves it out of the
			// filter, so that names with spaces ("Deploy Bot") could not be typed: make it a filter character
			keyMap.bind(OPERATION_CHAR, " ");
			// the arrows in both cursor-key modes, whichever one terminfo names
			keyMap.bind(OPERATION_UP, "\033[A", "\033OA");
			keyMap.bind(OPERATION_DOWN, "\033[B", "\033OB");
			bindJump(keyMap, Jump.PAGE_UP, Capability.key_ppage, "\033[5~");
			bindJump(keyMap, Jump.PAGE_DOWN, Capability.key_npage, "\033[6~");
			bindJump(keyMap, Jump.HOME, Capability.key_home, "\033[H", "\033OH", "\033[1~", "\033[7~");
			bindJump(keyMap, Jump.END, Capability.key_end, "\033[F", "\033OF", "\033[4~", "\033[8~");
			bindCancel(keyMap);
		}

		/** The terminal's own sequence for the key, and those xterm, VT220 and rxvt send whatever terminfo says. */
		private void bindJump(KeyMap<String> keyMap, Jump jump, Capability capability, String... sequences) {
			String own = KeyMap.key(getTerminal(), capability);
			if (own != null && !own.isEmpty()) {
				keyMap.bind(jump.name(), own);
			}
			for (String sequence : sequences) {
				keyMap.bind(jump.name(), KeyMap.translate(sequence));
			}
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap,
				SingleItemSelectorContext<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> context) {
			boolean done = super.read(reader, keyMap, context);
			checkCancel(reader);
			jump(reader, keyMap, context);
			String key = reader.getLastBinding();
			boolean filterKey = key != null && key.length() == 1 && key.charAt(0) >= ' ' && key.charAt(0) != 127;
			boolean noMatch = "\r".equals(key) && !done
					&& (context.getItemStateView() == null || context.getItemStateView().isEmpty());
			state = new PickerView.State(filterKey, noMatch);
			return done;
		}

		/** Replays a page or jump key as that many up or down keys, stopping at the ends instead of wrapping. */
		private void jump(BindingReader reader, KeyMap<String> keyMap,
				SingleItemSelectorContext<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> context) {
			String key = reader.getLastBinding();
			Jump jump = key == null ? null : Jump.of(keyMap.getBound(key));
			if (jump == null || context.getItemStates() == null) {
				return;
			}
			String input = context.getInput();
			int total = (int) context.getItemStates().stream().filter(i -> i.matches(input)).count();
			int cursor = context.getCursorRow() == null ? 0 : context.getCursorRow();
			int below = Math.max(0, total - 1 - cursor);
			String moves = switch (jump) {
				case PAGE_UP -> UP.repeat(Math.min(pageSize, cursor));
				case HOME -> UP.repeat(cursor);
				case PAGE_DOWN -> DOWN.repeat(Math.min(pageSize, below));
				case END -> DOWN.repeat(below);
			};
			if (!moves.isEmpty()) {
				reader.runMacro(moves);
			}
		}
	}

	/** A picker row: its label, and the filter's {@link Match}, which Tab shares. */
	record Row(String getName, JLinePrompter.Option getItem) implements SelectorItem<JLinePrompter.Option> {

		@Override
		public boolean matches(String filter) {
			return filter == null || Match.matches(getName, filter);
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

	/**
	 * A yes/no question drawn as {@code ? question (y/N) n}, then {@code ? question no}. A long question is wrapped at
	 * words to the terminal's width, as a line the terminal wrapped itself would be redrawn over and leave its tail
	 * behind. An answer that is neither yes nor no asks again instead of ending the question.
	 */
	static final class Confirmation extends ConfirmationInput {

		private boolean invalidAnswer;

		Confirmation(Terminal terminal, String question, boolean defaultAnswer, boolean colour) {
			super(terminal, question, defaultAnswer);
			setRenderer(context -> draw(context, invalidAnswer, colour, terminal.getWidth()));
		}

		private static List<AttributedString> draw(ConfirmationInputContext context, boolean invalidAnswer,
				boolean colour, int width) {
			Boolean answer = context.getResultValue();
			String tail = answer != null ? (answer ? "yes" : "no")
					: (Boolean.TRUE.equals(context.getDefaultValue()) ? "(Y/n) " : "(y/N) ")
							+ (context.getInput() == null ? "" : context.getInput());
			int room = width > 1 ? width - 1 : Integer.MAX_VALUE;
			List<AttributedString> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder("?");
			// the question's own line breaks (between sentences) stay breaks; each line is wrapped at words
			for (String paragraph : context.getName().split("\n")) {
				for (String word : paragraph.split(" ")) {
					if (line.length() > 0 && line.length() + 1 + word.length() > room) {
						lines.add(new AttributedString(line.toString(), AttributedStyle.BOLD));
						line.setLength(0);
					}
					line.append(line.length() > 0 ? " " : "").append(word);
				}
				lines.add(new AttributedString(line.toString(), AttributedStyle.BOLD));
				line.setLength(0);
			}
			AttributedString question = lines.remove(lines.size() - 1);
			boolean tailFits = question.columnLength() + 1 + tail.length() <= room;
			if (!tailFits) {
				lines.add(question);
			}
			lines.add(new AttributedStringBuilder().append(tailFits ? question : new AttributedString(""))
				.append(tailFits ? " " : "")
				.append(tail)
				.toAttributedString());
			String message = invalidAnswer && answer == null ? "type y or n (Esc cancels)" : context.getMessage();
			if (message != null) {
				lines.add(new AttributedString("  " + message, PickerView.warning(colour)));
			}
			return lines;
		}

		@Override
		protected void bindKeyMap(KeyMap<String> keyMap) {
			super.bindKeyMap(keyMap);
			bindCancel(keyMap);
		}

		@Override
		protected boolean read(BindingReader reader, KeyMap<String> keyMap, ConfirmationInputContext context) {
			String typed = context.getInput();
			boolean done = super.read(reader, keyMap, context);
			checkCancel(reader);
			// 4.0.1 ends on Enter after an answer it cannot read, with no result: ask again, the input cleared
			invalidAnswer = done && context.getResultValue() == null && typed != null && !typed.isBlank();
			if (invalidAnswer) {
				context.setInput(null);
				context.setMessage(null);
				return false;
			}
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

		private final AttributedStyle cursorStyle;

		private final AttributedStyle hintStyle;

		private final AttributedStyle warningStyle;

		/** @param colour false under {@code NO_COLOR}: the cursor's row is then only bold */
		PickerView(boolean colour) {
			cursorStyle = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.CYAN) : AttributedStyle.BOLD;
			hintStyle = colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK)
					: AttributedStyle.DEFAULT;
			warningStyle = warning(colour);
		}

		static AttributedStyle warning(boolean colour) {
			return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW) : AttributedStyle.DEFAULT;
		}

		/** What the selector's loop knows that its context does not. */
		record State(boolean filterJustChanged, boolean enterWithoutMatch) {
		}

		List<AttributedString> render(SingleItemSelectorContext<JLinePrompter.Option, SelectorItem<JLinePrompter.Option>> context,
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
				line.append(here ? "> " : "  ", here ? cursorStyle : AttributedStyle.DEFAULT);
				line.append(shown.get(row).getName(), here ? cursorStyle : AttributedStyle.DEFAULT);
				lines.add(fit(line, width));
			}
			lines.add(fit(new AttributedStringBuilder().append("  ")
				.append(footer(input, total, cursor, first, shown.size(), state),
						total == 0 ? warningStyle : hintStyle),
					width));
			return lines;
		}

		private static String footer(String input, long total, int cursor, int first, int shown, State state) {
			boolean filtered = input != null && !input.isEmpty();
			if (total == 0) {
				String none = "no match for '" + input + "'";
				return state.enterWithoutMatch() ? none + ": Backspace edits the filter, Esc cancels" : none;
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
