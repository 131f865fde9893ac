package dev.astroshell.prompt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pickers list items in natural order; the initial item and the answer still refer to the caller's items. */
class ChoicesOrderTest {

	record Job(String id, String name) {
	}

	static final List<Job> JOBS = List.of(new Job("a", "job 59"), new Job("b", "job 6"), new Job("c", "Job 10"));

	@Test
	void labelsInNaturalOrderWithTheCallersInitialItem() {
		ScriptedPrompter prompter = new ScriptedPrompter();
		prompter.expectSelect("Pick a job:", List.of("job 6", "Job 10", "job 59"), "job 59");
		assertThat(Choices.select(prompter, "Pick a job:", JOBS, Job::name, 2)).isEqualTo(JOBS.get(0));
		assertThat(prompter.shown()).singleElement().extracting(ScriptedPrompter.Shown::initial).isEqualTo(1);
		prompter.verifyAllConsumed();
	}

	@Test
	void rowsInNaturalOrderToo() {
		ScriptedPrompter prompter = new ScriptedPrompter();
		prompter.expectSelect("Pick a job:", List.of("job 6   b", "Job 10  c", "job 59  a"), "Job 10  c");
		assertThat(Choices.select(prompter, "Pick a job:", JOBS, j -> new String[] { j.name(), j.id() }, 0, 0))
			.isEqualTo(JOBS.get(2));
		assertThat(prompter.shown()).singleElement().extracting(ScriptedPrompter.Shown::initial).isEqualTo(2);
	}

	@Test
	void nothingToChooseFromIsAnError() {
		assertThatThrownBy(() -> Choices.select(new ScriptedPrompter(), "Pick a job:", List.<Job>of(), Job::name, 0))
			.hasMessage("nothing to choose from: Pick a job:");
	}

}
