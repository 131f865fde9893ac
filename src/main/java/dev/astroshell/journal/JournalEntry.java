package dev.astroshell.journal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;
import dev.astroshell.token.WriteResult.Outcome;

/**
 * One write as the journal keeps it: when, in which context, to which token, each change with its before and after,
 * how it ended, and the token as the write left it. Never a secret.
 * @param id the entry's number, one more than the entry before it
 * @param domain the context's domain ({@code sandbox}, {@code astronomer.io}, …)
 * @param deploymentId the deployment a role change was on (null when none or not known)
 * @param error the write's failure line, when it did not end as asked
 * @param undoOf the entry this write reverted, when {@code undo} made it
 * @param after the token as the write left it, which {@code undo} compares with the token before reverting
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JournalEntry(long id, Instant at, String domain, String organizationId, String organization,
		String tokenId, String tokenName, TokenScope scope, Action write, String deploymentId, List<Change> changes,
		Outcome outcome, String error, Long undoOf, Snapshot after) {

	public JournalEntry {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	JournalEntry numbered(long number) {
		return new JournalEntry(number, at, domain, organizationId, organization, tokenId, tokenName, scope, write,
				deploymentId, changes, outcome, error, undoOf, after);
	}

	/** Known done as asked: the only writes {@code undo} reverts. */
	boolean done() {
		return error == null && (outcome == Outcome.DONE || outcome == Outcome.DONE_CONFIRMED_AFTER_LOST_ANSWER);
	}

	/** {@code update of Ci Deploy Token}: how messages name the entry's write. */
	String describe() {
		return write.name().toLowerCase(Locale.ROOT) + " of " + tokenName;
	}

	/**
	 * What the journal keeps of a token: what {@code undo} checks for another writer's change. Built only from these
	 * fields, so that a create's or a rotation's secret never reaches the file.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Snapshot(String name, String description, List<TokenRole> roles, Instant updatedAt) {

		public Snapshot {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}

		static Snapshot of(ApiToken token) {
			return token == null ? null
					: new Snapshot(token.name(), token.description(), token.roles(), token.updatedAt());
		}

		/** As a token, to compare with one read from the API. */
		ApiToken asToken(String id, TokenScope scope) {
			return new ApiToken(id, name, description, scope, null, null, null, null, updatedAt, null, null, null, null,
					null, null, roles, null);
		}
	}
}
