package dev.astroshell.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.testing.SandboxFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs the shell in to the in-process sandbox with another token than the development one, as a user would. */
final class SandboxLogin {

	private SandboxLogin() {
	}

	static void as(ShellDriver shell, SandboxFixture fixture, String secret) {
		try {
			Path file = Files.createTempFile("token", ".txt");
			try {
				Files.writeString(file, secret);
				Result login = shell.run("login 127.0.0.1:" + fixture.server().baseUrl().getPort() + " --token-file "
						+ file);
				assertThat(login.exitCode()).as(login.err()).isZero();
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
