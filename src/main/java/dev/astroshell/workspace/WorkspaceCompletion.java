package dev.astroshell.workspace;

import java.util.List;

import dev.astroshell.api.Workspace;
import dev.astroshell.cli.Completer;

import org.springframework.stereotype.Component;

/** A workspace, by ID or name, for {@code workspace switch}. */
@Component
public record WorkspaceCompletion(Workspaces workspaces) implements Completer {

	@Override
	public List<Proposal> complete(Request request) {
		return Completer.idsAndNames(workspaces.list(), Workspace::id, Workspace::name);
	}

	/** A workspace by ID only ({@code --workspace-id}), with its name beside. */
	@Component
	public record Ids(Workspaces workspaces) implements Completer {

		@Override
		public List<Proposal> complete(Request request) {
			return workspaces.list().stream().map(w -> Proposal.of(w.id()).describedAs(w.name())).toList();
		}

	}

}
