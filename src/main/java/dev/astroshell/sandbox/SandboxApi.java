package dev.astroshell.sandbox;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.astroshell.sandbox.ApiDocs.CustomRole;
import dev.astroshell.sandbox.ApiDocs.DefaultRole;
import dev.astroshell.sandbox.ApiDocs.Deployment;
import dev.astroshell.sandbox.ApiDocs.Organization;
import dev.astroshell.sandbox.ApiDocs.Profile;
import dev.astroshell.sandbox.ApiDocs.Token;
import dev.astroshell.sandbox.ApiDocs.TokenRole;
import dev.astroshell.sandbox.ApiDocs.Workspace;
import dev.astroshell.sandbox.SandboxStore.StoredToken;
import dev.astroshell.sandbox.SandboxStore.TokenFilter;
import dev.astroshell.sandbox.SandboxStore.TokenPage;
import dev.astroshell.sandbox.SandboxStore.Tx;
import dev.astroshell.sandbox.TokenSigner.Issued;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * The Astro API v1 endpoints E1–E15 (docs/api.md §3), under {@code /v1}. A token acts only in its organization, and on
 * tokens only as its roles allow ({@link Access}); anything else is a 403.
 */
final class SandboxApi {

	static final String DEV_TOKEN_PROTECTED = "the sandbox's development token cannot be rotated or deleted";

	private static final List<String> SCOPES = List.of("DEPLOYMENT", "WORKSPACE", "ORGANIZATION");

	private static final List<String> ENTITY_TYPES = List.of("ORGANIZATION", "WORKSPACE", "DEPLOYMENT", "DAG",
			"DAG_TAG");

	private static final List<String> KINDS = List.of("STANDARD", "DIRECT_ACCESS");

	/** The name and description limits of the published v1 spec (CreateApiTokenRequest, UpdateApiTokenRequest). */
	static final int MAX_NAME = 256;

	static final int MAX_DESCRIPTION = 500;

	private static final List<String> ROLE_SCOPE_TYPES = List.of("DAG", "DEPLOYMENT", "ORGANIZATION", "SYSTEM",
			"WORKSPACE");

	static final List<DefaultRole> DEFAULT_ROLES = List.of(
			defaultRole("ORGANIZATION_OWNER", "Full control of the organization", "ORGANIZATION"),
			defaultRole("ORGANIZATION_BILLING_ADMIN", "Manages billing", "ORGANIZATION"),
			defaultRole("ORGANIZATION_MEMBER", "Reads the organization", "ORGANIZATION"),
			defaultRole("WORKSPACE_OWNER", "Full control of the workspace", "WORKSPACE"),
			defaultRole("WORKSPACE_OPERATOR", "Operates the workspace's deployments", "WORKSPACE"),
			defaultRole("WORKSPACE_AUTHOR", "Deploys code to the workspace", "WORKSPACE"),
			defaultRole("WORKSPACE_MEMBER", "Reads the workspace", "WORKSPACE"),
			defaultRole("WORKSPACE_ACCESSOR", "Sees the workspace", "WORKSPACE"),
			defaultRole("DEPLOYMENT_ADMIN", "Full control of the deployment", "DEPLOYMENT"),
			defaultRole("DAG_AUTHOR", "Edits and runs a DAG", "DAG"),
			defaultRole("DAG_VIEWER", "Reads a DAG", "DAG"));

	/** Who is calling: the bearer token's row, and what its roles allow. */
	record Caller(String tokenId, String organizationId, Profile profile, Access access) {
	}

	private final SandboxData data;

	SandboxApi(SandboxData data) {
		this.data = data;
	}

	RouterFunction<ServerResponse> routes(JsonEndpoints endpoints) {
		String org = "/v1/organizations/{org}";
		return route().GET("/v1/organizations", endpoints.read(this::listOrganizations))
			.GET(org, endpoints.read((call, tx) -> tx.organization(member(call, tx).organizationId()).orElseThrow()))
			.GET(org + "/tokens", endpoints.read(this::listTokens))
			.POST(org + "/tokens", endpoints.write(this::createToken))
			.GET(org + "/tokens/{tokenId}", endpoints.read(this::getToken))
			.POST(org + "/tokens/{tokenId}", endpoints.write(this::updateToken))
			.POST(org + "/tokens/{tokenId}/roles", endpoints.write(this::replaceRoles))
			.POST(org + "/tokens/{tokenId}/rotate", endpoints.write(this::rotateToken))
			.DELETE(org + "/tokens/{tokenId}", endpoints.write(this::deleteToken))
			.GET(org + "/roles", endpoints.read(this::listRoles))
			.GET(org + "/deployments", endpoints.read(this::listDeployments))
			.GET(org + "/deployments/{deploymentId}", endpoints.read((call, tx) -> tx
				.deployment(member(call, tx).organizationId(), call.path("deploymentId"))
				.orElseThrow(() -> ApiError.notFound("deployment not found"))))
			.GET(org + "/workspaces", endpoints.read(this::listWorkspaces))
			.GET(org + "/workspaces/{workspaceId}", endpoints.read((call, tx) -> tx
				.workspace(member(call, tx).organizationId(), call.path("workspaceId"))
				.orElseThrow(() -> ApiError.notFound("workspace not found"))))
			.GET("/v1/users/self", endpoints.read((call, tx) -> {
				authenticate(call, tx);
				throw ApiError.forbidden("this endpoint is for user logins; API tokens are not users");
			}))
			.build();
	}

	/** The caller of a bearer token: 401 when it is missing, malformed, expired, unknown, rotated or deleted. */
	Caller authenticate(Call call, Tx tx) {
		String bearer = call.bearer();
		if (bearer == null || bearer.isEmpty()) {
			throw ApiError.unauthorized("missing API token: send Authorization: Bearer <token>");
		}
		TokenSigner.Claims claims;
		try {
			claims = data.signer().verify(bearer, data.clock().instant());
		}
		catch (TokenSigner.InvalidToken ex) {
			throw ApiError.unauthorized(ex.getMessage());
		}
		StoredToken stored = tx.token(claims.apiTokenId())
			.filter(token -> token.secretHash().equals(TokenSigner.hash(bearer)))
			.orElseThrow(() -> ApiError.unauthorized("the API token is no longer valid (rotated or deleted)"));
		Access access = new Access(stored.orgId(), stored.doc().scope(), stored.entityId(), stored.doc().roles(),
				deploymentId -> tx.deployment(stored.orgId(), deploymentId).map(Deployment::workspaceId));
		return new Caller(stored.doc().id(), stored.orgId(), Profile.apiToken(stored.doc().id(), stored.doc().name()),
				access);
	}

	/** The authenticated caller, who must belong to the path's organization: 404 if it is unknown, else 403. */
	private Caller member(Call call, Tx tx) {
		Caller caller = authenticate(call, tx);
		String org = call.path("org");
		if (tx.organization(org).isEmpty()) {
			throw ApiError.notFound("organization not found");
		}
		if (!org.equals(caller.organizationId())) {
			throw ApiError.forbidden("the API token does not belong to organization " + org);
		}
		return caller;
	}

	/**
	 * The path's token, in the organization of the caller (a {@link #member}), if the caller may read it. A token it
	 * may not read is not found, as one that does not exist: no answer about it, not even a refusal's message, tells
	 * what it is or where it has roles, and no role change makes it readable.
	 */
	private static StoredToken token(Call call, Tx tx, Caller caller) {
		return tx.token(call.path("tokenId"))
			.filter(token -> token.orgId().equals(caller.organizationId()))
			.filter(token -> readable(token, caller.access()))
			.orElseThrow(() -> ApiError.notFound("API token not found"));
	}

	/** Readable by who reads the token's own entity, or an entity it has a role on (e.g. a granted deployment). */
	private static boolean readable(StoredToken token, Access access) {
		List<TokenRole> roles = token.doc().roles() == null ? List.of() : token.doc().roles();
		return access.canRead(entityOf(token, access)) || roles.stream().map(access::entity).anyMatch(access::canRead);
	}

	/** The path's token, if the caller manages the entity it belongs to; {@code action} e.g. "rotate tokens of". */
	private static StoredToken managedToken(Call call, Tx tx, Caller caller, String action) {
		StoredToken stored = token(call, tx, caller);
		caller.access().requireManage(entityOf(stored, caller.access()), action);
		return stored;
	}

	private static Access.Entity entityOf(StoredToken token, Access access) {
		return switch (token.doc().scope()) {
			case "ORGANIZATION" -> access.organization();
			case "WORKSPACE" -> Access.Entity.workspace(token.entityId());
			default -> access.deployment(token.entityId());
		};
	}

	/** E3. */
	private Object getToken(Call call, Tx tx) {
		return token(call, tx, member(call, tx)).doc();
	}

	private Object listOrganizations(Call call, Tx tx) {
		Organization org = tx.organization(authenticate(call, tx).organizationId()).orElseThrow();
		return new Listing<Organization>(Organization::id).sortable("name", Organization::name)
			.sortable("createdAt", Organization::createdAt)
			.sortable("updatedAt", Organization::updatedAt)
			.page(call, "organizations", List.of(org), Comparator.comparing(Organization::name));
	}

	/**
	 * E1. {@code workspaceId} keeps tokens with a role on the workspace and deployment tokens of its deployments;
	 * {@code kind} the tokens of that kind, {@code dagId} those with a role on that DAG, {@code dagTags} those with a
	 * role on any of those tags. Filtered, sorted and paged by the store, so that a page costs the same at any size.
	 */
	private Object listTokens(Call call, Tx tx) {
		Caller caller = member(call, tx);
		String org = caller.organizationId();
		Access access = caller.access();
		String deploymentId = call.param("deploymentId").orElse(null);
		String workspaceId = call.param("workspaceId").orElse(null);
		if (deploymentId == null && workspaceId == null) {
			access.requireRead(access.organization(), "list tokens of");
		}
		if (deploymentId != null) {
			tx.deployment(org, deploymentId).orElseThrow(() -> ApiError.notFound("deployment not found"));
			access.requireRead(access.deployment(deploymentId), "list tokens of");
		}
		Set<String> workspaceDeployments = Set.of();
		if (workspaceId != null) {
			tx.workspace(org, workspaceId).orElseThrow(() -> ApiError.notFound("workspace not found"));
			access.requireRead(Access.Entity.workspace(workspaceId), "list tokens of");
			workspaceDeployments = tx.deployments(org)
				.stream()
				.filter(d -> d.workspaceId().equals(workspaceId))
				.map(Deployment::id)
				.collect(Collectors.toSet());
		}
		String kind = call.param("kind").orElse(null);
		FieldChecks checks = new FieldChecks();
		checks.check(kind == null || KINDS.contains(kind), "oneof", "kind", "kind must be one of " + KINDS);
		checks.throwIfAny();
		TokenFilter filter = new TokenFilter(org, deploymentId, workspaceId, workspaceDeployments,
				call.flag("includeOnlyOrganizationTokens"), kind, call.param("dagId").orElse(null),
				call.params("dagTags"));
		Listing.Request request = Listing.request(call, SandboxStore.TOKEN_SORT_KEYS.keySet());
		TokenPage page = tx.tokens(filter, request);
		return Listing.answer("tokens", new RawValue("[" + String.join(",", page.docs()) + "]"), Map.of(), request,
				page.totalCount());
	}

	private static boolean hasRoleOn(List<TokenRole> roles, String entityType, String entityId) {
		return roles != null && roles.stream()
			.anyMatch(role -> role.entityType().equals(entityType) && role.entityId().equals(entityId));
	}

	/** E2. The new token's only role is its scope's, on its entity (the organization for organization tokens). */
	private Object createToken(Call call, Tx tx) {
		Caller caller = member(call, tx);
		String org = caller.organizationId();
		JsonNode body = call.jsonObject();
		FieldChecks checks = new FieldChecks();
		String name = checks.text(body, "name", true, MAX_NAME);
		String description = checks.text(body, "description", false, MAX_DESCRIPTION);
		String scope = checks.text(body, "scope", true, 50);
		String role = checks.text(body, "role", true, 250);
		String kind = checks.text(body, "kind", false, 50);
		checks.check(kind == null || KINDS.contains(kind), "oneof", "kind", "kind must be one of " + KINDS);
		Integer expiryDays = expiryDays(body, checks);
		String entityId = checks.text(body, "entityId", false, 100);
		String workspaceId = null;
		if (scope != null && checks.check(SCOPES.contains(scope), "oneof", "scope", "scope must be one of " + SCOPES)) {
			switch (scope) {
				case "ORGANIZATION" -> entityId = org;
				case "WORKSPACE" -> workspaceId = existing(checks, entityId, tx.workspace(org, nullToEmpty(entityId))
					.map(Workspace::id)
					.orElse(null), "workspace");
				default -> workspaceId = existing(checks, entityId, tx.deployment(org, nullToEmpty(entityId))
					.map(Deployment::workspaceId)
					.orElse(null), "deployment");
			}
			List<String> valid = validRoles(scope, tx.customRoles(org));
			if (role != null) {
				checks.check(valid.contains(role), "oneof", "role", "role must be one of " + valid);
			}
		}
		checks.throwIfAny();
		Access access = caller.access();
		access.requireManage(switch (scope) {
			case "ORGANIZATION" -> access.organization();
			case "WORKSPACE" -> Access.Entity.workspace(entityId);
			default -> access.deployment(entityId);
		}, "create tokens in");

		Instant now = data.clock().instant();
		Instant expiresAt = expiryDays == null ? null : now.plus(Duration.ofDays(expiryDays));
		String tokenId = TokenSigner.newId();
		Issued issued = data.signer().issue(tokenId, Permissions.of(org, workspaceId,
				scope.equals("DEPLOYMENT") ? entityId : null), now, expiresAt);
		String at = Times.format(now);
		Token token = new Token(tokenId, name, description == null ? "" : description, scope,
				kind == null ? "STANDARD" : kind, issued.shortToken(), at, Times.format(expiresAt), expiryDays, at, at,
				caller.profile(), caller.profile(), null, null, List.of(new TokenRole(scope, entityId, role)), null);
		tx.saveToken(new StoredToken(org, entityId, issued.hash(), token));
		return token.withSecret(issued.secret());
	}

	private static Integer expiryDays(JsonNode body, FieldChecks checks) {
		Long days = checks.whole(body, "tokenExpiryPeriodInDays", 1, 3650);
		return days == null ? null : days.intValue();
	}

	/** Reports a missing or unknown entity ID; returns {@code resolved} (the entity's workspace) when it exists. */
	private static String existing(FieldChecks checks, String entityId, String resolved, String what) {
		if (checks.check(entityId != null, "required", "entityId", "entityId is required for a " + what + " token")) {
			checks.check(resolved != null, "notfound", "entityId", what + " " + entityId + " not found");
		}
		return resolved;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	/** The roles valid on an entity type: the default roles of that scope and the organization's custom ones. */
	private static List<String> validRoles(String entityType, List<CustomRole> customRoles) {
		String scopeType = entityType.startsWith("DAG") ? "DAG" : entityType;
		List<String> roles = new ArrayList<>();
		DEFAULT_ROLES.stream().filter(r -> r.scopeType().equals(scopeType)).forEach(r -> roles.add(r.name()));
		customRoles.stream().filter(r -> r.scopeType().equals(scopeType)).forEach(r -> roles.add(r.name()));
		return roles;
	}

	/** E4. An absent description keeps the current one. */
	private Object updateToken(Call call, Tx tx) {
		Caller caller = member(call, tx);
		StoredToken stored = managedToken(call, tx, caller, "update tokens of");
		JsonNode body = call.jsonObject();
		FieldChecks checks = new FieldChecks();
		String name = checks.text(body, "name", true, MAX_NAME);
		String description = checks.text(body, "description", false, MAX_DESCRIPTION);
		checks.throwIfAny();
		Token updated = stored.doc()
			.renamed(name, description == null ? stored.doc().description() : description, now(), caller.profile());
		tx.saveToken(new StoredToken(stored.orgId(), stored.entityId(), stored.secretHash(), updated));
		return updated;
	}

	/**
	 * E5: a full replacement. Each role must name an existing entity and a role valid for its type, and the token
	 * must keep its scope's role on its own entity (else it would no longer be a token of that entity). Each role
	 * added or removed needs a caller who manages its entity: e.g. a deployment's admin may change only the roles
	 * on that deployment, of any token.
	 */
	private Object replaceRoles(Call call, Tx tx) {
		Caller caller = member(call, tx);
		StoredToken stored = token(call, tx, caller);
		String org = stored.orgId();
		JsonNode body = call.jsonObject();
		FieldChecks checks = new FieldChecks();
		JsonNode array = body.get("roles");
		List<TokenRole> roles = new ArrayList<>();
		if (checks.check(array != null && array.isArray(), "required", "roles", "roles is required (an array)")) {
			List<CustomRole> customRoles = tx.customRoles(org);
			Map<List<String>, Integer> entries = new HashMap<>();
			for (int i = 0; i < array.size(); i++) {
				String field = "roles[" + i + "]";
				TokenRole role = tokenRole(array.get(i), field, org, customRoles, tx, checks);
				if (role == null) {
					continue;
				}
				// one role per entity: a second would be a role the token keeps that a reader of one entry misses
				Integer first = entries.putIfAbsent(List.of(role.entityType(), role.entityId(),
						nullToEmpty(role.deploymentId())), i);
				if (checks.check(first == null, "unique", field + ".entityId", field + " is a second role on "
						+ role.entityType().toLowerCase() + " " + role.entityId() + " (after roles[" + first
						+ "]); a token has one role per entity")) {
					roles.add(role);
				}
			}
			String scope = stored.doc().scope();
			checks.check(checks.hasErrors() || hasRoleOn(roles, scope, stored.entityId()), "scope", "roles",
					"roles must keep a " + scope + " role on the token's own " + scope.toLowerCase());
		}
		checks.throwIfAny();
		List<TokenRole> before = stored.doc().roles() == null ? List.of() : stored.doc().roles();
		Access access = caller.access();
		before.stream().filter(r -> !roles.contains(r)).forEach(r -> access.requireManage(access.entity(r),
				"remove roles on"));
		roles.stream().filter(r -> !before.contains(r)).forEach(r -> access.requireManage(access.entity(r),
				"grant roles on"));
		tx.saveToken(new StoredToken(org, stored.entityId(), stored.secretHash(),
				stored.doc().withRoles(roles, now(), caller.profile())));
		return rolesResult(roles);
	}

	private static TokenRole tokenRole(JsonNode node, String field, String org, List<CustomRole> customRoles, Tx tx,
			FieldChecks checks) {
		if (!checks.check(node.isObject(), "type", field, field + " must be an object")) {
			return null;
		}
		FieldChecks own = new FieldChecks();
		String entityType = own.text(node, "entityType", true, 50);
		String entityId = own.text(node, "entityId", true, 250);
		String role = own.text(node, "role", true, 250);
		String deploymentId = own.text(node, "deploymentId", false, 100);
		if (entityType != null && own.check(ENTITY_TYPES.contains(entityType), "oneof", "entityType",
				"entityType must be one of " + ENTITY_TYPES) && entityId != null) {
			boolean exists = switch (entityType) {
				case "ORGANIZATION" -> entityId.equals(org);
				case "WORKSPACE" -> tx.workspace(org, entityId).isPresent();
				case "DEPLOYMENT" -> tx.deployment(org, entityId).isPresent();
				default -> true; // a DAG ID or a tag: the sandbox knows no DAGs
			};
			own.check(exists, "notfound", "entityId", entityType.toLowerCase() + " " + entityId + " not found");
			if (entityType.startsWith("DAG") && own.check(deploymentId != null, "required", "deploymentId",
					"deploymentId is required for " + entityType + " roles")) {
				own.check(tx.deployment(org, deploymentId).isPresent(), "notfound", "deploymentId",
						"deployment " + deploymentId + " not found");
			}
			if (role != null) {
				List<String> valid = validRoles(entityType, customRoles);
				own.check(valid.contains(role), "oneof", "role", "role must be one of " + valid);
			}
		}
		// report the entry's errors under its index, e.g. roles[2].role
		own.errors().forEach(e -> checks.fail(e.code(), field + "." + e.field(), e.message()));
		return own.hasErrors() ? null : new TokenRole(entityType, entityId, role,
				entityType.startsWith("DAG") ? deploymentId : null);
	}

	/** E5's answer: the new roles grouped by entity type. Empty groups are left out. */
	private static Map<String, Object> rolesResult(List<TokenRole> roles) {
		Map<String, Object> result = new LinkedHashMap<>();
		roles.stream()
			.filter(r -> r.entityType().equals("ORGANIZATION"))
			.findFirst()
			.ifPresent(r -> result.put("organizationRole", r.role()));
		putIfAny(result, "workspaceRoles", roles, "WORKSPACE",
				r -> Map.of("workspaceId", r.entityId(), "role", r.role()));
		putIfAny(result, "deploymentRoles", roles, "DEPLOYMENT",
				r -> Map.of("deploymentId", r.entityId(), "role", r.role()));
		List<Map<String, String>> dagRoles = roles.stream()
			.filter(r -> r.entityType().startsWith("DAG"))
			.map(r -> Map.of("deploymentId", r.deploymentId(), r.entityType().equals("DAG") ? "dagId" : "dagTag",
					r.entityId(), "role", r.role()))
			.toList();
		if (!dagRoles.isEmpty()) {
			result.put("dagRoles", dagRoles);
		}
		return result;
	}

	private static void putIfAny(Map<String, Object> result, String key, List<TokenRole> roles, String entityType,
			Function<TokenRole, Map<String, String>> entry) {
		List<Map<String, String>> entries = roles.stream()
			.filter(r -> r.entityType().equals(entityType))
			.map(entry)
			.toList();
		if (!entries.isEmpty()) {
			result.put(key, entries);
		}
	}

	/** E6: a new secret with the same claims and expiry; the old secret's hash is gone at commit. */
	private Object rotateToken(Call call, Tx tx) {
		Caller caller = member(call, tx);
		StoredToken stored = managedToken(call, tx, caller, "rotate tokens of");
		Token doc = stored.doc();
		if (doc.id().equals(SandboxSeed.TOKEN_DEVELOPMENT_ID)) {
			throw ApiError.conflict(DEV_TOKEN_PROTECTED);
		}
		String workspaceId = switch (doc.scope()) {
			case "WORKSPACE" -> stored.entityId();
			case "DEPLOYMENT" -> tx.deployment(stored.orgId(), stored.entityId()).map(Deployment::workspaceId)
				.orElse(null);
			default -> null;
		};
		Instant now = data.clock().instant();
		Issued issued = data.signer().issue(doc.id(), Permissions.of(stored.orgId(), workspaceId,
				doc.scope().equals("DEPLOYMENT") ? stored.entityId() : null), now,
				doc.endAt() == null ? null : Instant.parse(doc.endAt()));
		Token rotated = doc.rotated(issued.shortToken(), Times.format(now), caller.profile());
		tx.saveToken(new StoredToken(stored.orgId(), stored.entityId(), issued.hash(), rotated));
		return rotated.withSecret(issued.secret());
	}

	private Object deleteToken(Call call, Tx tx) {
		StoredToken stored = managedToken(call, tx, member(call, tx), "delete tokens of");
		if (stored.doc().id().equals(SandboxSeed.TOKEN_DEVELOPMENT_ID)) {
			throw ApiError.conflict(DEV_TOKEN_PROTECTED);
		}
		tx.deleteToken(stored.doc().id());
		return null;
	}

	/** E8: the counters count custom roles only; {@code scopeTypes} filters custom and default roles alike. */
	private Object listRoles(Call call, Tx tx) {
		String org = member(call, tx).organizationId();
		List<String> scopeTypes = call.params("scopeTypes");
		FieldChecks checks = new FieldChecks();
		scopeTypes.forEach(s -> checks.check(ROLE_SCOPE_TYPES.contains(s), "oneof", "scopeTypes",
				"scopeTypes must be among " + ROLE_SCOPE_TYPES));
		boolean includeDefaults = call.flag("includeDefaultRoles");
		checks.throwIfAny();
		Predicate<String> wanted = scopeType -> scopeTypes.isEmpty() || scopeTypes.contains(scopeType);
		List<CustomRole> roles = tx.customRoles(org).stream().filter(r -> wanted.test(r.scopeType())).toList();
		Map<String, Object> extra = includeDefaults ? Map.of("defaultRoles",
				DEFAULT_ROLES.stream().filter(r -> wanted.test(r.scopeType())).toList()) : Map.of();
		return new Listing<CustomRole>(CustomRole::id).sortable("name", CustomRole::name)
			.sortable("description", CustomRole::description)
			.sortable("scopeType", CustomRole::scopeType)
			.sortable("createdAt", CustomRole::createdAt)
			.sortable("updatedAt", CustomRole::updatedAt)
			.page(call, "roles", roles, Comparator.comparing(CustomRole::name), extra);
	}

	private Object listDeployments(Call call, Tx tx) {
		String org = member(call, tx).organizationId();
		List<String> workspaceIds = call.params("workspaceIds");
		List<String> deploymentIds = call.params("deploymentIds");
		List<String> names = call.params("names");
		List<Deployment> deployments = tx.deployments(org)
			.stream()
			.filter(d -> workspaceIds.isEmpty() || workspaceIds.contains(d.workspaceId()))
			.filter(d -> deploymentIds.isEmpty() || deploymentIds.contains(d.id()))
			.filter(d -> names.isEmpty() || names.contains(d.name()))
			.toList();
		return new Listing<Deployment>(Deployment::id).sortable("name", Deployment::name)
			.sortable("createdAt", Deployment::createdAt)
			.sortable("updatedAt", Deployment::updatedAt)
			.page(call, "deployments", deployments, Comparator.comparing(Deployment::name));
	}

	private Object listWorkspaces(Call call, Tx tx) {
		String org = member(call, tx).organizationId();
		return new Listing<Workspace>(Workspace::id).sortable("name", Workspace::name)
			.sortable("createdAt", Workspace::createdAt)
			.sortable("updatedAt", Workspace::updatedAt)
			.page(call, "workspaces", tx.workspaces(org), Comparator.comparing(Workspace::name));
	}

	private String now() {
		return Times.format(data.clock().instant());
	}

	private static DefaultRole defaultRole(String name, String description, String scopeType) {
		return new DefaultRole(name, description, List.of(), scopeType);
	}
}
