package dev.astroshell.token;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.SubjectProfile;
import dev.astroshell.api.TokenRole;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.prompt.Prompter;
import dev.astroshell.token.TokenLookup.Where;

import org.springframework.stereotype.Component;

/**
 * {@code token show}: a token of any kind, found in the organization (by ID: E3; by name or picked: E1 of every token,
 * then E3 of the one found), with the entity it belongs to and every role it holds shown by name.
 */
@Component
class ShowToken {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final TokenContext context;

	private final TokenResolver resolver;

	private final ApiGateway gateway;

	private final Prompter prompter;

	private final JsonMapper json;

	private final Clock clock;

	ShowToken(TokenContext context, TokenResolver resolver, ApiGateway gateway, Prompter prompter, JsonMapper json,
			Clock clock) {
		this.context = context;
		this.resolver = resolver;
		this.gateway = gateway;
		this.prompter = prompter;
		this.json = json;
		this.clock = clock;
	}

	/** A role, with the name of what it is on and, for a DAG or tag role, of its deployment. */
	record NamedRole(TokenRole role, String entityName, String deploymentName) {
	}

	/** The token as read now, the entity its scope is (null when no role says), and its roles by name. */
	record Shown(ApiToken token, NamedRole scope, List<NamedRole> roles) {
	}

	/** The token given by ID or by name, or picked (a run that cannot ask needs one of them). */
	Shown show(String tokenId, String name) {
		ApiToken found = resolver.resolve(Questions.of(prompter), TokenLookup.ANY_TOKEN, new Where(null, null), tokenId,
				name);
		ApiToken token = tokenId != null && !tokenId.isBlank() ? found
				: gateway.token(TokenResolver.FETCHING_TOKEN, found.id());
		List<NamedRole> roles = token.roles().stream().map(this::named).toList();
		EntityType scopeType = EntityType.of(token.scope().name());
		NamedRole scope = roles.stream().filter(r -> scopeType.equals(r.role().entityType())).findFirst().orElse(null);
		return new Shown(token, scope, roles);
	}

	private NamedRole named(TokenRole role) {
		return new NamedRole(role, context.entityName(role.entityType(), role.entityId()),
				role.deploymentId() == null ? null : context.entityName(EntityType.DEPLOYMENT, role.deploymentId()));
	}

	/** One labelled line per field, the roles one per line. */
	String text(Shown shown) {
		ApiToken t = shown.token();
		Instant now = clock.instant();
		List<String[]> fields = new ArrayList<>();
		fields.add(new String[] { "type:", TokenLookup.label(t.scope()) + (t.kind() == null ? "" : ", " + t.kind()) });
		fields.add(new String[] { "scope:", shown.scope() == null ? "-" : on(shown.scope()) });
		fields.add(new String[] { "description:", t.description().isBlank() ? "-" : oneLine(t.description()) });
		List<NamedRole> roles = shown.roles();
		for (int i = 0; i < Math.max(1, roles.size()); i++) {
			fields.add(new String[] { i == 0 ? "roles:" : "",
					roles.isEmpty() ? "-" : roles.get(i).role().role() + " on " + on(roles.get(i)) });
		}
		fields.add(new String[] { "created:", when(t.createdAt(), now) + by(t.createdBy()) });
		fields.add(new String[] { "last updated:", when(t.updatedAt(), now) + by(t.updatedBy()) });
		fields.add(new String[] { "last used:", when(t.lastUsedAt(), now) });
		fields.add(new String[] { "last rotated:", when(t.lastRotatedAt(), now) });
		fields.add(new String[] { "expires:",
				Ages.expires(t.endAt(), now) + (t.endAt() == null ? "" : " (" + WHEN.format(t.endAt()) + ")") });
		StringBuilder out = new StringBuilder(oneLine(t.name()) + " (" + t.id() + ")");
		int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0) + 2;
		fields.forEach(f -> out.append(System.lineSeparator())
			.append(f[0]).append(" ".repeat(width - f[0].length())).append(f[1]));
		return out.toString();
	}

	/** The API's fields of the token, its scope's entity and, in each role, the names it is shown by. */
	Map<String, Object> json(Shown shown) {
		Map<String, Object> fields = json.convertValue(shown.token(), FIELDS);
		if (shown.scope() != null) {
			fields.put("scopeEntityId", shown.scope().role().entityId());
			fields.put("scopeEntityName", shown.scope().entityName());
		}
		fields.put("roles", shown.roles().stream().map(r -> {
			Map<String, Object> role = json.convertValue(r.role(), FIELDS);
			role.put("entityName", r.entityName());
			if (r.deploymentName() != null) {
				role.put("deploymentName", r.deploymentName());
			}
			return role;
		}).toList());
		return fields;
	}

	/** "deployment etl-prod", "DAG etl_daily in ml-dev", "DAG tag finance in etl-prod". */
	private static String on(NamedRole r) {
		EntityType type = r.role().entityType();
		String what = EntityType.DAG.equals(type) ? "DAG"
				: EntityType.DAG_TAG.equals(type) ? "DAG tag" : oneLine(String.valueOf(type)).toLowerCase(Locale.ROOT);
		String in = r.deploymentName() == null ? "" : " in " + oneLine(r.deploymentName());
		return what + " " + oneLine(r.entityName()) + in;
	}

	/** "12 days ago (2026-11-16 12:00 UTC)", or "never". */
	private static String when(Instant at, Instant now) {
		return at == null ? "never" : Ages.ago(at, now) + " (" + WHEN.format(at) + ")";
	}

	private static String by(SubjectProfile who) {
		return who == null ? "" : " by " + oneLine(who.displayName());
	}

	private static String oneLine(String text) {
		return TerminalText.oneLine(text);
	}
}
