package dev.astroshell.api;

import java.util.List;

import dev.astroshell.api.Pages.DeploymentsPage;
import dev.astroshell.api.Pages.OrganizationsPage;
import dev.astroshell.api.Pages.RolesPage;
import dev.astroshell.api.Pages.TokensPage;
import dev.astroshell.api.Pages.WorkspacesPage;
import reactor.core.publisher.Mono;

/**
 * Astro's public REST API v1, endpoints E1–E15 (docs/api.md §3), for one base URL and one credential. Every failure
 * surfaces as an {@link ApiException}. Implementations are thread-safe.
 */
public interface AstroApi {

	/** E1. */
	Mono<TokensPage> listTokens(String orgId, TokenQuery query, int offset, int limit);

	/** E2: the answer carries the secret. */
	Mono<ApiToken> createToken(String orgId, CreateTokenRequest request);

	/** E3. */
	Mono<ApiToken> getToken(String orgId, String tokenId);

	/** E4. */
	Mono<ApiToken> updateToken(String orgId, String tokenId, UpdateTokenRequest request);

	/** E5: replaces the token's whole role set. */
	Mono<TokenRolesResult> updateTokenRoles(String orgId, String tokenId, UpdateTokenRolesRequest request);

	/** E6: never retried; the answer carries the new secret. */
	Mono<ApiToken> rotateToken(String orgId, String tokenId);

	/** E7. */
	Mono<Void> deleteToken(String orgId, String tokenId);

	/** E8. */
	Mono<RolesPage> listRoles(String orgId, boolean includeDefaultRoles, List<String> scopeTypes, int offset,
			int limit);

	/** E9; empty filters are left out. */
	Mono<DeploymentsPage> listDeployments(String orgId, List<String> workspaceIds, List<String> deploymentIds,
			int offset, int limit);

	/** E10. */
	Mono<Deployment> getDeployment(String orgId, String deploymentId);

	/** E11. */
	Mono<WorkspacesPage> listWorkspaces(String orgId, int offset, int limit);

	/** E12. */
	Mono<Workspace> getWorkspace(String orgId, String workspaceId);

	/** E13. */
	Mono<OrganizationsPage> listOrganizations(int offset, int limit);

	/** E14. */
	Mono<Organization> getOrganization(String orgId);

	/** E15. */
	Mono<SelfUser> getSelf();
}
