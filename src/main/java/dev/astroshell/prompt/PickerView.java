package dev.astroshell.prompt;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.shell.jline.tui.component.SingleItemSelector.SingleItemSelectorContext;
import org.springframework.shell.jline.tui.component.support.AbstractSelectorComponent.ItemState;
import org.springframework.shell.jline.tui.component.support.SelectorItem;

/**
 * How a picker is drawn, instead of 4.0.1's template: the title alone on its line, the rows, then where the cursor is
 * ({@code 10 of 63 — type to filter · ↓ 53 more}) or why Enter does nothing ({@code no match for 'xyz'}). Every line
 * is cut to the terminal's width with an ellipsis: a wrapped line would make the component redraw over its own
 * title, as it does on a narrow terminal.
 */
final class PickerView {

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
