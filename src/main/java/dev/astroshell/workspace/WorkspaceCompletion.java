package dev.astroshell.workspace;

import dev.astroshell.api.Workspace;
import dev.astroshell.session.IdOrNameCompletion;

import org.springframework.stereotype.Component;

/** Workspace IDs (with their names beside) and names, for {@code workspace switch}. */
@Component("workspaceCompletion")
class WorkspaceCompletion extends IdOrNameCompletion<Workspace> {

	WorkspaceCompletion(Workspaces workspaces) {
		super(workspaces::list, Workspace::id, Workspace::name);
	}
}
