package dev.astroshell.token;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.Deployment;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.Workspace;
import dev.astroshell.cli.Renderer.Column;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Component;

/**
 * organization token roles (docs/commands.md §5): every role an organization token holds, on every entity, with the
 * entity's name. The workspaces and deployments are read only when the token has a role on one of them.
 */
@Component
class TokenRoleListing {

	/**
	 * One role of the token.
	 * @param entity the entity's name (a DAG or DAG tag: its ID, and its deployment's name)
	 */
	record Entry(String entityType, String entityId, String entity, String role) {
	}

	static final List<Column<Entry>> COLUMNS = List.of(new Column<>("ENTITY TYPE", Entry::entityType),
			new Column<>("ENTITY", Entry::entity), new Column<>("ENTITY ID", Entry::entityId),
			new Column<>("ROLE", Entry::role));

	private final TokenContext context;

	private final TokenResolver resolver;

	private final ApiGateway gateway;

	private final Prompter prompter;

	TokenRoleListing(TokenContext context, TokenResolver resolver, ApiGateway gateway, Prompter prompter) {
		this.context = context;
		this.resolver = resolver;
		this.gateway = gateway;
		this.prompter = prompter;
	}

	/** The token's roles, in the token's order; the token by ID, by name, or picked. */
	List<Entry> roles(String tokenId, String name) {
		Place organization = TokenFamily.ORGANIZATION.place(context, null);
		ApiToken token = resolver.resolve(Questions.of(prompter), TokenLookup.ORGANIZATION_TOKEN,
				new Where(organization, null), tokenId, name);
		List<TokenRole> roles = token.roles();
		Map<String, String> workspaces = roles.stream().anyMatch(r -> EntityType.WORKSPACE.equals(r.entityType()))
				? gateway.workspaces(ApiGateway.fetching("workspaces"))
					.stream()
					.collect(Collectors.toMap(Workspace::id, Workspace::name, (a, b) -> a))
				: Map.of();
		Map<String, String> deployments = roles.stream()
			.anyMatch(r -> !EntityType.WORKSPACE.equals(r.entityType())
					&& !EntityType.ORGANIZATION.equals(r.entityType()))
					? gateway.deployments(ApiGateway.fetching("deployments"), List.of())
						.stream()
						.collect(Collectors.toMap(Deployment::id, Deployment::name, (a, b) -> a))
					: Map.of();
		Function<TokenRole, String> entityName = r -> {
			if (EntityType.ORGANIZATION.equals(r.entityType())) {
				return r.entityId().equals(organization.id()) ? context.organizationName() : r.entityId();
			}
			if (EntityType.WORKSPACE.equals(r.entityType())) {
				return workspaces.getOrDefault(r.entityId(), r.entityId());
			}
			if (EntityType.DEPLOYMENT.equals(r.entityType())) {
				return deployments.getOrDefault(r.entityId(), r.entityId());
			}
			// a DAG or a DAG tag: named by its ID, on its deployment
			return r.entityId() + " on " + deployments.getOrDefault(r.deploymentId(), String.valueOf(r.deploymentId()));
		};
		return roles.stream()
			.map(r -> new Entry(String.valueOf(r.entityType()), r.entityId(), entityName.apply(r), r.role()))
			.toList();
	}
}
