package dev.astroshell.token;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.astroshell.api.TokenScope;
import dev.astroshell.gateway.PlannedRequest;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;

/**
 * What a write would do ({@code --dry-run}): the token, each change, and the exact requests it would send, none of
 * them sent. It never holds a secret: a write's request carries none.
 * @param deployment the deployment a role change is on, by name when the session knows it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Preview(@JsonIgnore Action action, String id, String name, TokenScope scope, String deployment,
		List<Change> changes, List<PlannedRequest> requests) {

	public Preview {
		changes = List.copyOf(changes);
		requests = List.copyOf(requests);
	}

	/** Always true: tells a script reading the JSON that nothing was sent. */
	@JsonProperty("dryRun")
	public boolean dryRun() {
		return true;
	}
}
