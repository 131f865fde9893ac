package dev.astroshell.token;

import java.io.PrintWriter;

import dev.astroshell.cli.CliException;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;

import org.springframework.stereotype.Component;

/**
 * How a write command runs its use case and prints what it returned: text for people, or with {@code -o json} the
 * typed outcome as JSON. A write not known done as asked ends the command with exit 1 and its line; with
 * {@code -o json} its JSON is printed first, so that a script reads the outcome either way. Every write passes here,
 * so this is where the journal is told of it.
 */
@Component
public class WriteOutput {

	private final Renderer renderer;

	private final WriteJournal journal;

	private final ExpiryNotice notice;

	WriteOutput(Renderer renderer, WriteJournal journal, ExpiryNotice notice) {
		this.renderer = renderer;
		this.journal = journal;
		this.notice = notice;
	}

	/**
	 * @param cleanOutput only the secret, for a create or a rotation known done (text only: JSON holds it as
	 * {@code token})
	 * @param out where a failure's JSON goes before the command ends
	 */
	String show(WriteResult result, OutputFormat format, boolean cleanOutput, PrintWriter out) {
		if (result.failed()) {
			if (format == OutputFormat.JSON) {
				out.println(renderer.json(result));
				out.flush();
			}
			throw new CliException(result.error(), ExitCodes.FAILURE, result.cause());
		}
		if (format == OutputFormat.JSON) {
			return renderer.json(result);
		}
		return cleanOutput && result.token() != null ? result.token() : WriteText.of(result);
	}

	/**
	 * A write command's whole output: with {@code --dry-run} the preview (reads and pickers only), else the result of
	 * the write; {@code -o json}/{@code --json} for either as JSON. As text, the {@link ExpiryNotice} lines of the
	 * deployments whose tokens the command listed come under it.
	 */
	public <O> String write(WriteUseCase<O> useCase, O options, Boolean dryRun, String output, Boolean json,
			Boolean cleanOutput, PrintWriter out) {
		OutputFormat format = OutputFormat.of(output, Boolean.TRUE.equals(json));
		boolean text = format == OutputFormat.TABLE && !Boolean.TRUE.equals(cleanOutput);
		if (Boolean.TRUE.equals(dryRun)) {
			return notice.under(show(useCase.preview(options), format), text);
		}
		WriteResult result = useCase.run(options);
		journal.written(result);
		return notice.under(show(result, format, Boolean.TRUE.equals(cleanOutput), out), text);
	}

	String show(Preview preview, OutputFormat format) {
		return format == OutputFormat.JSON ? renderer.json(preview) : WriteText.of(preview, renderer::jsonLine);
	}
}
