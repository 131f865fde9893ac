package dev.astroshell.token;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.astroshell.api.ApiException;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.TokenScope;
import dev.astroshell.gateway.Settled;

/**
 * What a write command did, typed: the text for people and the JSON of {@code -o json} are both made from it.
 * @param outcome how it ended
 * @param id the token's ID (null for a create that did not happen)
 * @param name the token's name as the write leaves it
 * @param changes each change asked, with its before and after
 * @param role the token's role on the entity as a grant leaves it (grants only)
 * @param readBack how the outcome is known when an answer was lost, or what could not be checked
 * @param token the secret, only in a create's or a rotation's answer
 * @param error the failure line when the write is not known done as asked (the command exits 1), else null
 * @param cause the API failure behind {@code error}, for debug output
 * @param place the entity a role change, a grant or a removal was on (null when none or not known)
 * @param state the token as the write left it, read back or answered, for the journal: what {@code undo} checks
 * before reverting (null when not known; it may hold a create's or a rotation's secret, which the journal leaves out)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WriteResult(Outcome outcome, @JsonIgnore Action action, String id, String name, TokenScope scope,
		List<Change> changes, String role, List<String> readBack, String token, String error,
		@JsonIgnore ApiException cause, @JsonIgnore Place place, @JsonIgnore ApiToken state) {

	public enum Outcome {
		DONE, DONE_CONFIRMED_AFTER_LOST_ANSWER, NOT_DONE_CONFIRMED, UNKNOWN, CONFLICT,
		/** Nothing differed from what was asked: nothing was sent. */
		NO_CHANGE,
		/** The user said no to the confirmation: nothing was sent. */
		CANCELED;

		static Outcome of(Settled.Kind kind) {
			return valueOf(kind.name());
		}
	}

	/** Which write: it decides the words of the text. */
	public enum Action {
		UPDATE, CREATE, ROTATE, DELETE,
		/** A workspace or organization token taken off the deployment. */
		REMOVE,
		/** A workspace or organization token given a role on the deployment. */
		GRANT
	}

	/**
	 * One change: {@code role: DEPLOYMENT_ADMIN -> Deploy Bot}, and, after a write, how its own request ended: an
	 * update's rename may stay while its role change did not happen (null in a preview).
	 */
	public record Change(String field, String before, String after,
			@JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome) {

		/** A change asked, before anything is sent. */
		static Change asked(String field, String before, String after) {
			return new Change(field, before, after, null);
		}

		Change ended(Outcome how) {
			return new Change(field, before, after, how);
		}
	}

	public WriteResult {
		changes = changes == null ? List.of() : List.copyOf(changes);
		readBack = readBack == null ? List.of() : List.copyOf(readBack);
	}

	/** A write known done; {@code notes} say how, when an answer was lost or a check could not be made. */
	static WriteResult done(Outcome outcome, Action action, ApiToken token, List<Change> changes, List<String> notes) {
		return new WriteResult(outcome, action, token.id(), token.name(), token.scope(), changes, null, notes, null,
				null, null, null, null);
	}

	/** A create or a rotation answered: the answer carries the secret. */
	static WriteResult withSecret(Action action, ApiToken answer) {
		return new WriteResult(Outcome.DONE, action, answer.id(), answer.name(), answer.scope(), List.of(), null,
				List.of(), answer.token(), null, null, null, null);
	}

	/** A write not known done as asked: {@code error} says what is known. */
	static WriteResult failed(Outcome outcome, Action action, ApiToken token, List<Change> changes, String error,
			ApiException cause) {
		return failed(outcome, action, token.id(), token.name(), token.scope(), changes, error, cause);
	}

	static WriteResult failed(Outcome outcome, Action action, String id, String name, TokenScope scope,
			List<Change> changes, String error, ApiException cause) {
		return new WriteResult(outcome, action, id, name, scope, changes, null, List.of(), null, error, cause, null,
				null);
	}

	/** Nothing sent: the outcome is {@link Outcome#NO_CHANGE} or {@link Outcome#CANCELED}. */
	static WriteResult nothingSent(Outcome outcome, Action action, ApiToken token) {
		return nothingSent(outcome, action, token.id(), token.name(), token.scope());
	}

	/** Nothing sent, for a token that may not exist: a create declined. */
	static WriteResult nothingSent(Outcome outcome, Action action, String id, String name, TokenScope scope) {
		return new WriteResult(outcome, action, id, name, scope, List.of(), null, List.of(), null, null, null, null,
				null);
	}

	WriteResult withRole(String roleNow) {
		return new WriteResult(outcome, action, id, name, scope, changes, roleNow, readBack, token, error, cause,
				place, state);
	}

	/** The same, with the entity its change was on. */
	WriteResult on(Place where) {
		return new WriteResult(outcome, action, id, name, scope, changes, role, readBack, token, error, cause, where,
				state);
	}

	/** The same, with the token as the write left it (for the journal). */
	WriteResult leaving(ApiToken left) {
		return new WriteResult(outcome, action, id, name, scope, changes, role, readBack, token, error, cause, place,
				left);
	}

	/** The deployment a role change was on, for the journal; null when it was on none. */
	public String deploymentId() {
		return place != null && TokenFamily.DEPLOYMENT.equals(place.family()) ? place.id() : null;
	}

	/** "Deployment" or "Workspace": what a grant or a removal is on. */
	String onKind() {
		return (place == null ? TokenFamily.DEPLOYMENT : place.family()).kind();
	}

	@JsonIgnore
	public boolean failed() {
		return error != null;
	}

	@Override
	public String toString() {
		// the secret never reaches a log line or an exception message
		return "WriteResult[" + outcome + " " + action + " " + id + (token == null ? "" : ", token=<redacted>")
				+ (error == null ? "" : ", error=" + error) + "]";
	}
}
