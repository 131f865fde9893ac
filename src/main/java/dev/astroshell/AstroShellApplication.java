package dev.astroshell;

import dev.astroshell.api.AstroApiFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AstroShellApplication {

	public static void main(String[] args) {
		if (args.length == 1 && args[0].equals("--version")) {
			// needs no application context: answered before Spring starts
			System.out.println("astro-shell " + AstroApiFactory.version());
			return;
		}
		SpringApplication app = new SpringApplication(AstroShellApplication.class);
		// command words such as "--name x" are ours, not Spring properties (settings come from application.yml or -D)
		app.setAddCommandLineProperties(false);
		ConfigurableApplicationContext context;
		try {
			context = app.run(args);
		}
		catch (SpringApplication.AbandonedRunException e) {
			// the build's Spring AOT processing stops the run once the context is defined: not a failure
			throw e;
		}
		catch (RuntimeException e) {
			// the console log is off (the screen belongs to the shell), so say it here, in one line
			System.err.println("Error: astro-shell could not start: " + rootMessage(e)
					+ " (details in the log file, see logging.file.name)");
			System.exit(1);
			return;
		}
		System.exit(SpringApplication.exit(context));
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}
}
