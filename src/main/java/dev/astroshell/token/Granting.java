package dev.astroshell.token;

import java.util.Objects;

import dev.astroshell.api.ApiToken;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Outcome;

import org.springframework.stereotype.Component;

/**
 * What the grant commands share: the token resolved by their lookup, the role chosen, and one E5 with the token's
 * whole role set and only the entity's entry changed (a deployment's, or a workspace's for an organization token).
 * "added to" only when the token had no role there (add on an attached token updates it).
 */
@Component
class Granting {

	private final TokenContext context;

	private final TokenResolver resolver;

	private final RoleChooser roles;

	private final RoleWrite roleWrite;

	private final Prompter prompter;

	Granting(TokenContext context, TokenResolver resolver, RoleChooser roles, RoleWrite roleWrite,
			Prompter prompter) {
		this.context = context;
		this.resolver = resolver;
		this.roles = roles;
		this.roleWrite = roleWrite;
		this.prompter = prompter;
	}

	/** A grant's token and the role to give it. */
	private record Plan(ApiToken token, Place place, String role) {

		boolean nothingToChange() {
			return Objects.equals(role, place.roleOf(token));
		}
	}

	/**
	 * One grant command's question: which token, by which lookup, on which entity, with which role (null: none, to
	 * remove).
	 * @param on the kind of entity the role is on; {@code entityId} names it (null: the current one)
	 * @param force a removal goes without asking (a grant never asks)
	 */
	record Asked(TokenLookup lookup, String tokenId, String name, String role, String workspaceId, TokenFamily on,
			String entityId, boolean force) {
	}

	private Plan plan(Asked asked, boolean removal) {
		Questions ask = Questions.of(prompter);
		Place place = asked.on().place(context, asked.entityId());
		Where where = resolver.where(asked.lookup(), place, asked.workspaceId());
		ApiToken token = resolver.resolve(ask, asked.lookup(), where, asked.tokenId(), asked.name());
		return new Plan(token, place, removal ? null : roles.forGrant(ask, token, place, asked.role()));
	}

	Preview preview(Asked asked, boolean removal) {
		Plan plan = plan(asked, removal);
		return roleWrite.preview(removal ? Action.REMOVE : Action.GRANT, plan.token(), plan.place(), plan.role());
	}

	WriteResult write(Asked asked, boolean removal) {
		Plan shown = plan(asked, removal);
		if (!removal && shown.nothingToChange()) {
			return unchanged(shown);
		}
		// E5 is built from the token read again now, after the selector: another writer's change is shown first
		Plan plan = new Plan(roleWrite.fresh(Questions.of(prompter), shown.token(), false), shown.place(),
				shown.role());
		if (!removal && plan.nothingToChange()) {
			return unchanged(plan);
		}
		// a removal asks as delete does for the same token
		if (removal && !Questions.of(prompter).confirmed(asked.force(), WriteText.removeQuestion(plan.token(),
				plan.place()), "remove", DeleteToken.REMOVE_CANCELED)) {
			return WriteResult.nothingSent(Outcome.CANCELED, Action.REMOVE, plan.token());
		}
		return roleWrite.write(removal ? Action.REMOVE : Action.GRANT, plan.token(), plan.place(), plan.role());
	}

	private static WriteResult unchanged(Plan plan) {
		return WriteResult.nothingSent(Outcome.NO_CHANGE, Action.GRANT, plan.token())
			.withRole(plan.role())
			.on(plan.place());
	}
}
