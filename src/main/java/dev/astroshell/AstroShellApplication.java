package dev.astroshell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AstroShellApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(AstroShellApplication.class);
		// command words such as "--name x" are ours, not Spring properties (settings come from application.yml or -D)
		app.setAddCommandLineProperties(false);
		System.exit(SpringApplication.exit(app.run(args)));
	}
}
