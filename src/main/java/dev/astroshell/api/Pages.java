package dev.astroshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The paginated wrappers of the list endpoints; each names its items as the API does. */
public final class Pages {

	private Pages() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TokensPage(List<ApiToken> tokens, int offset, int limit, int totalCount) implements Page<ApiToken> {
		public TokensPage {
			tokens = tokens == null ? List.of() : List.copyOf(tokens);
		}

		@Override
		@JsonIgnore
		public List<ApiToken> items() {
			return tokens;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RolesPage(List<Role> roles, List<DefaultRole> defaultRoles, int offset, int limit, int totalCount)
			implements Page<Role> {
		public RolesPage {
			roles = roles == null ? List.of() : List.copyOf(roles);
			defaultRoles = defaultRoles == null ? List.of() : List.copyOf(defaultRoles);
		}

		@Override
		@JsonIgnore
		public List<Role> items() {
			return roles;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DeploymentsPage(List<Deployment> deployments, int offset, int limit, int totalCount)
			implements Page<Deployment> {
		public DeploymentsPage {
			deployments = deployments == null ? List.of() : List.copyOf(deployments);
		}

		@Override
		@JsonIgnore
		public List<Deployment> items() {
			return deployments;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record WorkspacesPage(List<Workspace> workspaces, int offset, int limit, int totalCount)
			implements Page<Workspace> {
		public WorkspacesPage {
			workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
		}

		@Override
		@JsonIgnore
		public List<Workspace> items() {
			return workspaces;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OrganizationsPage(List<Organization> organizations, int offset, int limit, int totalCount)
			implements Page<Organization> {
		public OrganizationsPage {
			organizations = organizations == null ? List.of() : List.copyOf(organizations);
		}

		@Override
		@JsonIgnore
		public List<Organization> items() {
			return organizations;
		}
	}

}
