package dev.astroshell.shell;

import java.net.URI;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import dev.astroshell.session.SessionChangedEvent;
import dev.astroshell.session.SessionContext;
import dev.astroshell.session.SessionContext.CredentialSource;
import dev.astroshell.session.SessionContext.Ref;
import org.jline.reader.LineReader;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SessionPromptProviderTest {

	static final SessionContext SANDBOX = new SessionContext("sandbox", URI.create("http://127.0.0.1:1/v1"), "cred",
			CredentialSource.SANDBOX, null, null, new Ref("org-1", "Sandbox Org"), new Ref("ws-1", null),
			new Ref("dep-1", "etl-prod"));

	@Test
	void showsTheSessionContext() {
		SessionPromptProvider provider = new SessionPromptProvider(new MockEnvironment(), new StaticListableBeanFactory().getBeanProvider(LineReader.class));
		assertThat(provider.getPrompt().toString()).isEqualTo("astro [not logged in]> ");

		provider.onSessionChanged(new SessionChangedEvent(SANDBOX));
		assertThat(provider.getPrompt().toString()).isEqualTo("astro [sandbox · Sandbox Org · etl-prod]> ");

		provider.onSessionChanged(new SessionChangedEvent(SANDBOX.withOrganization(new Ref("org-2", null))));
		assertThat(provider.getPrompt().toString()).isEqualTo("astro [sandbox · org-2]> ");

		provider.onSessionChanged(new SessionChangedEvent(new SessionContext("astronomer.io", null, null,
				CredentialSource.NONE, null, null, null, null, null)));
		assertThat(provider.getPrompt().toString()).isEqualTo("astro [not logged in]> ");
	}

	@Test
	void namesFromTheApiCannotDriveTheTerminal() {
		SessionPromptProvider provider = new SessionPromptProvider(new MockEnvironment(),
				new StaticListableBeanFactory().getBeanProvider(LineReader.class));
		provider.onSessionChanged(new SessionChangedEvent(SANDBOX.withOrganization(new Ref("org-1",
				"Org\u001b]0;PWNED\u0007\u202e")).withDeployment(new Ref("dep-1", "etl\u001b[2J\nprod"))));
		String ansi = provider.getPrompt().toAnsi();
		assertThat(ansi).doesNotContain("\u001b]", "\u001b[2J", "\u0007", "\u202e", "\n");
		assertThat(provider.getPrompt().toString())
			.isEqualTo("astro [sandbox · Org\\e]0;PWNED\\a\\u202e · etl\\e[2J⏎prod]> ");
	}

	@Test
	void noColorTurnsStylesOff() {
		assertThat(ansi(new MockEnvironment())).contains("\u001b[");
		assertThat(ansi(new MockEnvironment().withProperty("NO_COLOR", "1"))).doesNotContain("\u001b[");
	}

	private static String ansi(MockEnvironment environment) {
		AttributedString prompt = new SessionPromptProvider(environment, new StaticListableBeanFactory().getBeanProvider(LineReader.class)).getPrompt();
		return prompt.toAnsi();
	}

}
