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
 * @param place the entity a role change is on (null when none is); in the JSON as {@code deployment}, {@code workspace}
 * or {@code organization}, by its name when the session knows it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Preview(@JsonIgnore Action action, String id, String name, TokenScope scope, @JsonIgnore Place place,
		@JsonIgnore String placeName, List<Change> changes, List<PlannedRequest> requests) {

	public Preview {
		changes = List.copyOf(changes);
		requests = List.copyOf(requests);
	}

	/** A write that changes no role: nothing is on an entity. */
	static Preview of(Action action, String id, String name, TokenScope scope, List<PlannedRequest> requests) {
		return new Preview(action, id, name, scope, null, null, List.of(), requests);
	}

	@JsonProperty("deployment")
	String deployment() {
		return nameIf(TokenFamily.DEPLOYMENT);
	}

	@JsonProperty("workspace")
	String workspace() {
		return nameIf(TokenFamily.WORKSPACE);
	}

	@JsonProperty("organization")
	String organization() {
		return nameIf(TokenFamily.ORGANIZATION);
	}

	private String nameIf(TokenFamily family) {
		return place != null && place.family().equals(family) ? placeName : null;
	}

	/** Always true: tells a script reading the JSON that nothing was sent. */
	@JsonProperty("dryRun")
	public boolean dryRun() {
		return true;
	}
}
