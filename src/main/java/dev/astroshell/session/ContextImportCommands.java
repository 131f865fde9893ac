package dev.astroshell.session;

import java.util.ArrayList;
import java.util.List;

import dev.astroshell.session.ContextImport.Outcome;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code context import}: map the options in, render the outcome out. */
@Component
class ContextImportCommands {

	private final ContextImport contextImport;

	ContextImportCommands(ContextImport contextImport) {
		this.contextImport = contextImport;
	}

	@Command(name = "context import", group = "Session",
			description = "Bring in the contexts of the astro CLI (~/.astro/config.yaml); that file is never written",
			help = """
					context import
					context import --file ~/other/config.yaml
					context import --replace          # astro's login also over a login of the shell's own""")
	public String importContexts(
			@Option(longName = "file", description = "the astro CLI config to read (default ~/.astro/config.yaml)") String file,
			@Option(longName = "replace", description = "replace a context that has a login of the shell's own") Boolean replace) {
		ContextImport.Result result = contextImport.run(
				file == null || file.isBlank() ? null : AppDirs.typedPath(file),
				Boolean.TRUE.equals(replace));
		return render(result);
	}

	private static String render(ContextImport.Result result) {
		List<String> lines = new ArrayList<>();
		long imported = result.outcomes().stream().filter(Outcome::imported).count();
		lines.add(result.outcomes().isEmpty() ? "No contexts in " + result.file()
				: "Imported " + imported + " of " + result.outcomes().size() + " contexts from " + result.file()
						+ (result.current() == null ? "" : "; current: " + result.current()));
		for (Outcome o : result.outcomes()) {
			lines.add("  " + o.domain() + "  organization " + show(o.organization()) + ", workspace "
					+ show(o.workspace()) + (o.note() == null ? "" : "  (" + o.note() + ")"));
		}
		return String.join("\n", lines);
	}

	private static String show(SessionContext.Ref ref) {
		return ref == null ? "none" : ref.display();
	}

}
