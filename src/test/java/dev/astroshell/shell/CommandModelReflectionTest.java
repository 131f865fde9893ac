package dev.astroshell.shell;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reflective hook into Spring Shell fails fast, naming what changed, instead of degrading silently. */
class CommandModelReflectionTest {

	@Test
	void findsTheAdaptersPrivateMethodField() {
		assertThat(CommandModel.methodField(MethodInvokerCommandAdapter.class).getType()).isEqualTo(Method.class);
	}

	@Test
	void aFrameworkWithoutTheFieldStopsTheShellWithAClearMessage() {
		assertThatThrownBy(() -> CommandModel.methodField(Object.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("Spring Shell changed: java.lang.Object has no field 'method'")
			.hasMessageContaining("CommandModel");
	}

}
