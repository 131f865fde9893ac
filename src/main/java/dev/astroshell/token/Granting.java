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
 * whole role set and only this deployment's entry changed. "added to" only when the token had no role there (add on
 * an attached token updates it).
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
	private record Plan(ApiToken token, String deploymentId, String role) {

		boolean nothingToChange() {
			return Objects.equals(role, token.deploymentRole(deploymentId));
		}
	}

	/**
	 * One grant command's question: which token, by which lookup, with which role (null: none, to remove).
	 * @param force a removal goes without asking (a grant never asks)
	 */
	record Asked(TokenLookup lookup, String tokenId, String name, String role, String workspaceId,
			String deploymentId, boolean force) {
	}

	private Plan plan(Asked asked, boolean removal) {
		Questions ask = Questions.of(prompter);
		String deploymentId = context.deploymentId(asked.deploymentId());
		Where where = resolver.where(asked.lookup(), deploymentId, asked.workspaceId());
		ApiToken token = resolver.resolve(ask, asked.lookup(), where, asked.tokenId(), asked.name());
		return new Plan(token, deploymentId, removal ? null : roles.forGrant(ask, token, deploymentId, asked.role()));
	}

	Preview preview(Asked asked, boolean removal) {
		Plan plan = plan(asked, removal);
		return roleWrite.preview(removal ? Action.REMOVE : Action.GRANT, plan.token(), plan.deploymentId(),
				plan.role());
	}

	WriteResult write(Asked asked, boolean removal) {
		Plan shown = plan(asked, removal);
		if (!removal && shown.nothingToChange()) {
			return unchanged(shown);
		}
		// E5 is built from the token read again now, after the selector: another writer's change is shown first
		Plan plan = new Plan(roleWrite.fresh(Questions.of(prompter), shown.token(), false), shown.deploymentId(),
				shown.role());
		if (!removal && plan.nothingToChange()) {
			return unchanged(plan);
		}
		// a removal asks as delete does for the same token
		if (removal && !Questions.of(prompter).confirmed(asked.force(), WriteText.removeQuestion(plan.token(),
				plan.token().deploymentRole(plan.deploymentId())), "remove", DeleteToken.REMOVE_CANCELED)) {
			return WriteResult.nothingSent(Outcome.CANCELED, Action.REMOVE, plan.token());
		}
		return roleWrite.write(removal ? Action.REMOVE : Action.GRANT, plan.token(), plan.deploymentId(),
				plan.role());
	}

	private static WriteResult unchanged(Plan plan) {
		return WriteResult.nothingSent(Outcome.NO_CHANGE, Action.GRANT, plan.token()).withRole(plan.role());
	}
}
