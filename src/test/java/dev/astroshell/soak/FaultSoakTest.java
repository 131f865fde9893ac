package dev.astroshell.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.sandbox.SandboxServer;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Truth at the edges": a bounded fault soak. Mixed token commands run one after another in one application context
 * (as typed in the REPL) against the in-process sandbox; about a fifth of them meet a planned fault (a lost answer, a
 * dropped connection, a 5xx or a 429, sometimes several in a row so that read-backs fail too). After each command
 * what the shell reported is compared with the sandbox's state, read with faults off: a report may be wrong (false
 * report), a half-applied update may go unmentioned (unreported partial update), a write may be sent twice (double
 * write). "May have happened" is allowed and counted. What the shell reported is read from the typed outcome every
 * write prints with {@code -o json} (its kind, and how each change's own request ended), not from its words.
 * <p>
 * Reproducible: faults are planned by a seeded {@link Random}, not drawn by the sandbox, and targets are picked by
 * name, not by the sandbox's random IDs (only which request a fault planned on all requests meets may shift when the
 * shell's one-minute roles cache is refreshed). The longer soak is the same
 * test with {@code -Dsoak.operations=N -Dsoak.seed=S} ({@code python3 src/bench/soak.py}); {@code -Dsoak.report=FILE}
 * appends the figures to a file.
 */
@ScriptedShellTest
class FaultSoakTest {

	static final long SEED = Long.getLong("soak.seed", 20261129L);

	static final int OPERATIONS = Integer.getInteger("soak.operations", 100);

	static final double FAULT_RATE = 0.2;

	static final String ETL_PROD = SandboxFixture.ETL_PROD;

	static final String ORG = SandboxSeed.ORGANIZATION_ID;

	static final List<String> ROLES = List.of("DEPLOYMENT_ADMIN", SandboxSeed.ROLE_DAG_RUNNER,
			SandboxSeed.ROLE_DEPLOY_BOT);

	/** A workspace token and an organization token of the seed, given and taken roles on etl-prod. */
	static final List<String> GRANTEES = List.of(SandboxSeed.TOKEN_WORKSPACE_DATA_ID,
			SandboxSeed.TOKEN_ORG_AUTOMATION_ID);

	/** The key of the token a create adds, in an expected state. */
	static final String NEW = "<new>";

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
		prompter.nonInteractive();
	}

	@AfterEach
	void putTheSeedBack() {
		fixture.fresh();
		prompter.reset();
	}

	@Test
	void whatTheShellReportsIsWhatTheSandboxHolds() throws IOException {
		for (int i = 1; i <= 4; i++) {
			Result created = shell.run("deployment token create --name \"soak setup " + i
					+ "\" --role DAG_RUNNER --clean-output");
			assertThat(created.exitCode()).as(created.err()).isZero();
		}
		Random random = new Random(SEED);
		Tally tally = new Tally();
		long started = System.nanoTime();
		// what one command leaves, read with faults off, is what the next starts from
		Map<String, TokenState> before = truth();
		for (int n = 1; n <= OPERATIONS; n++) {
			Operation op = Operation.next(random, before, n);
			List<Fault> plan = random.nextDouble() < FAULT_RATE ? Fault.plan(random, op) : List.of();
			fixture.clearRequests();
			Fault.inject(fixture.server(), plan);
			Result result = shell.run(op.line());
			List<String> requests = fixture.requests();
			fixture.server().setFaults(SandboxFixture.NO_FAULTS);
			fixture.server().clearPlannedFaults();
			Report report = Report.of(result);
			tally.record(op, plan, requests, report);
			before = check(n, op, plan, requests, result, report, before, tally);
		}
		String figures = tally.figures(OPERATIONS, SEED, Duration.ofNanos(System.nanoTime() - started));
		System.out.println(figures);
		String reportFile = System.getProperty("soak.report");
		if (reportFile != null && !reportFile.isBlank()) {
			Path file = Path.of(reportFile);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, figures + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		assertThat(tally.violations).as("seed %d: %s", SEED, figures).isEmpty();
		assertThat(tally.reports).as("the soak reached the edges it is about")
			.containsKeys(Report.SUCCESS, Report.SUCCESS_CONFIRMED, Report.NOT_CHANGED);
	}

	/** Judges what the command reported against the sandbox's state, which it returns. */
	private Map<String, TokenState> check(int n, Operation op, List<Fault> plan, List<String> requests, Result result,
			Report report, Map<String, TokenState> before, Tally tally) {
		Map<String, TokenState> after = truth();
		String where = "op " + n + " (seed " + SEED + "): " + op.line() + " with faults " + plan + " reported "
				+ report + " [" + result.exitCode() + "] " + redacted(result.out() + result.err()).strip();
		for (String write : doubleWrites(op, requests)) {
			tally.violation(Violation.DOUBLE_WRITE, where + "; sent twice: " + write);
		}
		long created = after.keySet().stream().filter(id -> !before.containsKey(id)).count();
		if (created > (op.kind() == Kind.CREATE ? 1 : 0)) {
			tally.violation(Violation.DOUBLE_WRITE, where + "; tokens created: " + created);
			return after;
		}
		if (op.kind() == Kind.LIST && report == Report.SUCCESS && !listed(result).equals(listedTruth(op.line()))) {
			tally.violation(Violation.FALSE_REPORT,
					where + "; listed " + listed(result) + " but the sandbox holds " + listedTruth(op.line()));
		}
		Set<State> observed = observed(op, before, after);
		tally.observed(report, observed);
		Violation violation = verdict(report, observed);
		if (violation != null) {
			tally.violation(violation, where + "; the sandbox holds " + (observed.isEmpty()
					? "neither the old nor the new state: " + diff(before, after) : observed));
		}
		return after;
	}

	/** Which of the states the command may leave the sandbox holds (several when they are the same). */
	static Set<State> observed(Operation op, Map<String, TokenState> before, Map<String, TokenState> after) {
		Set<State> observed = EnumSet.noneOf(State.class);
		if (matches(before, after, before)) {
			observed.add(State.BEFORE);
		}
		if (matches(op.partial(before), after, before)) {
			observed.add(State.PARTIAL);
		}
		if (matches(op.applied(before), after, before)) {
			observed.add(State.APPLIED);
		}
		return observed;
	}

	/** Null when the report allows a state the sandbox holds; else what kind of untruth it is. */
	static Violation verdict(Report report, Set<State> observed) {
		if (observed.stream().anyMatch(report.allowed::contains)) {
			return null;
		}
		return observed.equals(EnumSet.of(State.PARTIAL)) ? Violation.UNREPORTED_PARTIAL : Violation.FALSE_REPORT;
	}

	@Test
	void theJudgeTellsFalseReportsAndUnreportedPartialUpdatesApart() {
		String id = "cltoken";
		TokenState token = new TokenState(TokenScope.DEPLOYMENT, "old", "", Set.of(TokenRole.deployment(ETL_PROD,
				"DAG_RUNNER")), "abc@null");
		Map<String, TokenState> before = Map.of(id, token);
		TokenState renamed = token.with("new", null, null, null);
		TokenState applied = renamed.with(null, null, token.withDeploymentRole("DEPLOYMENT_ADMIN"), null);
		Operation update = new Operation(Kind.UPDATE, "update", id, Map.of(id, applied), Map.of(id, renamed), null);

		assertThat(verdict(Report.SUCCESS, observed(update, before, Map.of(id, applied)))).isNull();
		assertThat(verdict(Report.SUCCESS, observed(update, before, before))).isEqualTo(Violation.FALSE_REPORT);
		assertThat(verdict(Report.NOT_CHANGED, observed(update, before, Map.of(id, applied))))
			.isEqualTo(Violation.FALSE_REPORT);
		assertThat(verdict(Report.ERROR, observed(update, before, Map.of(id, renamed))))
			.isEqualTo(Violation.UNREPORTED_PARTIAL);
		assertThat(verdict(Report.SUCCESS, observed(update, before, Map.of(id, renamed))))
			.isEqualTo(Violation.UNREPORTED_PARTIAL);
		assertThat(verdict(Report.PARTIAL_REPORTED, observed(update, before, Map.of(id, renamed)))).isNull();
		assertThat(verdict(Report.MAY_HAVE_HAPPENED, observed(update, before, before))).isNull();
		assertThat(verdict(Report.MAY_HAVE_HAPPENED, observed(update, before, Map.of()))).as("deleted instead")
			.isEqualTo(Violation.FALSE_REPORT);

		Operation rotate = new Operation(Kind.ROTATE, "rotate", id,
				Map.of(id, token.with(null, null, null, TokenState.ROTATED)), Map.of(), null);
		assertThat(verdict(Report.SUCCESS, observed(rotate, before, before))).isEqualTo(Violation.FALSE_REPORT);
		assertThat(verdict(Report.NOT_CHANGED, observed(rotate, before, Map.of(id, token.with(null, null, null,
				"xyz@2026"))))).isEqualTo(Violation.FALSE_REPORT);

		Operation create = Operation.create(new Random(1), 7, before);
		TokenState made = create.appliedChanges().get(NEW).with(null, null, null, "new@null");
		assertThat(verdict(Report.SUCCESS, observed(create, before, Map.of(id, token, "clmade", made)))).isNull();
		assertThat(verdict(Report.NOT_CHANGED, observed(create, before, Map.of(id, token, "clmade", made))))
			.isEqualTo(Violation.FALSE_REPORT);
	}

	@Test
	void reportsAreReadFromTheTypedOutcome() {
		assertThat(Report.of(new Result(0, "{\"outcome\":\"DONE_CONFIRMED_AFTER_LOST_ANSWER\"}", "")))
			.isEqualTo(Report.SUCCESS_CONFIRMED);
		assertThat(Report.of(new Result(1, "{\"outcome\":\"DONE_CONFIRMED_AFTER_LOST_ANSWER\"}", "Error: …")))
			.isEqualTo(Report.DONE_SECRET_LOST);
		assertThat(Report.of(new Result(1, "{\"outcome\":\"UNKNOWN\"}", "Error: …")))
			.isEqualTo(Report.MAY_HAVE_HAPPENED);
		assertThat(Report.of(new Result(1, notDone("DONE", "NOT_DONE_CONFIRMED"), "Error: …")))
			.as("the rename stays").isEqualTo(Report.PARTIAL_REPORTED);
		assertThat(Report.of(new Result(1, notDone("NOT_DONE_CONFIRMED", "NOT_DONE_CONFIRMED"), "Error: …")))
			.as("the rename was restored").isEqualTo(Report.NOT_CHANGED);
		assertThat(Report.of(new Result(1, notDone("UNKNOWN", "NOT_DONE_CONFIRMED"), "Error: …")))
			.as("the restore may have happened").isEqualTo(Report.MAY_HAVE_HAPPENED);
		assertThat(Report.of(new Result(1, "{\"outcome\":\"CONFLICT\"}", "Error: …"))).isEqualTo(Report.CONFLICT);
		assertThat(Report.of(new Result(0, "[]", ""))).as("a list").isEqualTo(Report.SUCCESS);
		assertThat(Report.of(new Result(1, "", "Error: rate limit exceeded\n"))).isEqualTo(Report.ERROR);
	}

	/** An update's outcome, not done as asked, whose rename and role change ended as given. */
	private static String notDone(String rename, String role) {
		return "{\"outcome\":\"NOT_DONE_CONFIRMED\",\"changes\":[{\"field\":\"name\",\"outcome\":\"" + rename
				+ "\"},{\"field\":\"role\",\"outcome\":\"" + role + "\"}]}";
	}

	/** Writes sent more than once: E4 may be sent twice by an update (the write, then the restore), nothing else. */
	private static List<String> doubleWrites(Operation op, List<String> requests) {
		Map<String, Integer> writes = new TreeMap<>();
		requests.stream().filter(r -> !r.startsWith("GET ")).forEach(r -> writes.merge(r, 1, Integer::sum));
		return writes.entrySet().stream().filter(w -> {
			boolean restorable = op.kind() == Kind.UPDATE && w.getKey().matches("POST .*/tokens/[^/]+");
			return w.getValue() > (restorable ? 2 : 1);
		}).map(w -> w.getKey() + " x" + w.getValue()).toList();
	}

	/** Every token of the organization as the sandbox holds it now (faults are off). */
	private Map<String, TokenState> truth() {
		Map<String, TokenState> tokens = new TreeMap<>();
		for (ApiToken t : tokens(new TokenQuery(null, null, false, List.of()))) {
			tokens.put(t.id(), TokenState.of(t));
		}
		return tokens;
	}

	private List<ApiToken> tokens(TokenQuery query) {
		List<ApiToken> all = new ArrayList<>();
		int total;
		do {
			var page = session.api().listTokens(ORG, query, all.size(), 100).block();
			all.addAll(page.tokens());
			total = page.totalCount();
		}
		while (all.size() < total);
		return all;
	}

	/** The IDs a list command printed (it runs with -o json). */
	private static Set<String> listed(Result result) {
		Set<String> ids = new HashSet<>();
		JsonMapper.builder().build().readTree(result.out()).valueStream().forEach(t -> ids.add(t.get("id").asString()));
		return ids;
	}

	/** The IDs the list command should have printed: the deployment's tokens, of the listed scope. */
	private Set<String> listedTruth(String line) {
		Set<String> ids = new HashSet<>();
		for (ApiToken t : tokens(TokenQuery.ofDeployment(ETL_PROD))) {
			if (line.contains("workspace-token") ? TokenScope.WORKSPACE.equals(t.scope())
					: !line.contains("organization-token") || TokenScope.ORGANIZATION.equals(t.scope())) {
				ids.add(t.id());
			}
		}
		return ids;
	}

	/** Whether the sandbox's state is the expected one; a {@link #NEW} entry stands for the one token created. */
	static boolean matches(Map<String, TokenState> expected, Map<String, TokenState> actual,
			Map<String, TokenState> before) {
		if (expected.size() != actual.size()) {
			return false;
		}
		for (Map.Entry<String, TokenState> e : expected.entrySet()) {
			if (e.getKey().equals(NEW)) {
				List<TokenState> created = actual.entrySet()
					.stream()
					.filter(a -> !before.containsKey(a.getKey()))
					.map(Map.Entry::getValue)
					.toList();
				if (created.size() != 1 || !e.getValue().isMetBy(created.get(0), null)) {
					return false;
				}
			}
			else if (!actual.containsKey(e.getKey())
					|| !e.getValue().isMetBy(actual.get(e.getKey()), before.get(e.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static String diff(Map<String, TokenState> before, Map<String, TokenState> after) {
		Map<String, String> changes = new LinkedHashMap<>();
		Set<String> ids = new HashSet<>(before.keySet());
		ids.addAll(after.keySet());
		for (String id : ids) {
			if (!Objects.equals(before.get(id), after.get(id))) {
				changes.put(id, before.get(id) + " -> " + after.get(id));
			}
		}
		return changes.toString();
	}

	/** Secrets (JWTs) never reach test output. */
	static String redacted(String text) {
		return text.replaceAll("eyJ[\\w.-]+", "<secret>");
	}

	// ---- the model

	/** What the sandbox holds of a token that a command can change; {@code secret} stands for its rotations. */
	record TokenState(TokenScope scope, String name, String description, Set<TokenRole> roles, String secret) {

		static final String ROTATED = "<rotated>";

		static final String ANY = "<any>";

		static TokenState of(ApiToken t) {
			return new TokenState(t.scope(), t.name(), t.description(), Set.copyOf(t.roles()),
					t.shortToken() + "@" + t.lastRotatedAt());
		}

		/** As expected: {@link #ROTATED} asks for a secret other than before, {@link #ANY} for any. */
		boolean isMetBy(TokenState actual, TokenState before) {
			boolean secretOk = switch (secret) {
				case ROTATED -> !actual.secret.equals(before.secret);
				case ANY -> true;
				default -> secret.equals(actual.secret);
			};
			return secretOk && scope == actual.scope && name.equals(actual.name) && description.equals(actual.description)
					&& roles.equals(actual.roles);
		}

		TokenState with(String newName, String newDescription, Set<TokenRole> newRoles, String newSecret) {
			return new TokenState(scope, newName == null ? name : newName, newDescription == null ? description : newDescription,
					newRoles == null ? roles : newRoles, newSecret == null ? secret : newSecret);
		}

		String deploymentRole() {
			return roles.stream()
				.filter(r -> EntityType.DEPLOYMENT.equals(r.entityType())
						&& r.entityId().equals(ETL_PROD))
				.map(TokenRole::role)
				.findFirst()
				.orElse(null);
		}

		/** The roles with the one on etl-prod set to {@code role} (or dropped, when null). */
		Set<TokenRole> withDeploymentRole(String role) {
			Set<TokenRole> changed = new HashSet<>();
			roles.stream()
				.filter(r -> !(EntityType.DEPLOYMENT.equals(r.entityType())
						&& r.entityId().equals(ETL_PROD)))
				.forEach(changed::add);
			if (role != null) {
				changed.add(TokenRole.deployment(ETL_PROD, role));
			}
			return Set.copyOf(changed);
		}

		@Override
		public String toString() {
			return "[" + name + " | " + description + " | " + roles.stream().map(r -> r.role() + "@" + r.entityId())
				.sorted()
				.toList() + " | " + secret.replaceAll("@.*", "") + "]";
		}
	}

	enum Kind {
		UPDATE, CREATE, ROTATE, DELETE, GRANT, LIST
	}

	/**
	 * One command line and the states it may leave: {@code applied} when it did all it was asked, {@code partial}
	 * when an update's rename went through but its role change did not (the same as one of the others otherwise).
	 */
	record Operation(Kind kind, String line, String target, Map<String, TokenState> appliedChanges,
			Map<String, TokenState> partialChanges, String deleted) {

		Map<String, TokenState> applied(Map<String, TokenState> before) {
			Map<String, TokenState> state = new TreeMap<>(before);
			state.putAll(appliedChanges);
			if (deleted != null) {
				state.remove(deleted);
			}
			return state;
		}

		Map<String, TokenState> partial(Map<String, TokenState> before) {
			Map<String, TokenState> state = new TreeMap<>(before);
			state.putAll(partialChanges);
			return state;
		}

		static Operation next(Random random, Map<String, TokenState> before, int n) {
			List<String> pool = before.entrySet()
				.stream()
				.filter(e -> TokenScope.DEPLOYMENT.equals(e.getValue().scope()) && e.getValue().deploymentRole() != null)
				// by name, not by the sandbox's random IDs, so that a seed picks the same targets every run
				.sorted(Map.Entry.comparingByValue(Comparator.comparing(TokenState::name)))
				.map(Map.Entry::getKey)
				.toList();
			double dice = random.nextDouble();
			if (pool.size() < 3 || dice < 0.10) {
				return create(random, n, before);
			}
			String target = pool.get(random.nextInt(pool.size()));
			if (dice < 0.40) {
				return update(random, target, before, n);
			}
			if (dice < 0.52) {
				return new Operation(Kind.ROTATE,
						"deployment token rotate " + which(random, target, before, "--name") + " --force -o json",
						target, Map.of(target, before.get(target).with(null, null, null, TokenState.ROTATED)), Map.of(),
						null);
			}
			if (dice < 0.60 && pool.size() > 4) {
				return new Operation(Kind.DELETE,
						"deployment token delete " + which(random, target, before, "--name") + " --force -o json", target,
						Map.of(), Map.of(), target);
			}
			if (dice < 0.85) {
				String grantee = GRANTEES.get(random.nextInt(GRANTEES.size()));
				return grant(random, grantee, before);
			}
			String[] lists = { "deployment token list -o json", "deployment token workspace-token list -o json",
					"deployment token organization-token list -o json" };
			return new Operation(Kind.LIST, lists[random.nextInt(lists.length)], null, Map.of(), Map.of(), null);
		}

		/**
		 * The token by ID, or now and then by its name when that is unique: then it is found through a list, and
		 * faults planned on its own path meet only the write and the read-back (so that read-backs fail too).
		 */
		private static String which(Random random, String id, Map<String, TokenState> state, String nameOption) {
			String name = state.get(id).name();
			boolean unique = state.values().stream().filter(t -> t.name().equals(name)).count() == 1;
			return unique && random.nextDouble() < 0.3 ? nameOption + " \"" + name + "\"" : id;
		}

		private static Operation create(Random random, int n, Map<String, TokenState> state) {
			String latest = state.values()
				.stream()
				.map(TokenState::name)
				.filter(name -> name.matches("soak \\d+( équipe)?"))
				.max(Comparator.comparingInt(name -> Integer.parseInt(name.split(" ")[1])))
				.orElse(null);
			// now and then the latest create again, name and all, as a user does after a failure
			String name = latest != null && random.nextDouble() < 0.3 ? latest
					: "soak " + n + (random.nextBoolean() ? " équipe" : "");
			String role = ROLES.get(random.nextInt(ROLES.size()));
			String description = random.nextBoolean() ? "made by op " + n : null;
			String line = "deployment token create --name \"" + name + "\" --role \"" + role + "\""
					+ (description == null ? "" : " --description \"" + description + "\"") + " -o json";
			TokenState created = new TokenState(TokenScope.DEPLOYMENT, name, description == null ? "" : description,
					Set.of(TokenRole.deployment(ETL_PROD, role)), TokenState.ANY);
			return new Operation(Kind.CREATE, line, null, Map.of(NEW, created), Map.of(), null);
		}

		private static Operation update(Random random, String target, Map<String, TokenState> state, int n) {
			TokenState token = state.get(target);
			String newName = random.nextDouble() < 0.6 ? "soak token " + n : null;
			String description = random.nextDouble() < 0.3 ? "described by op " + n : null;
			String role = newName == null && description == null || random.nextBoolean()
					? ROLES.get(random.nextInt(ROLES.size())) : null;
			StringBuilder line = new StringBuilder("deployment token update " + which(random, target, state, "--name")
				+ " -o json");
			if (newName != null) {
				line.append(" --new-name \"").append(newName).append('"');
			}
			if (description != null) {
				line.append(" --description \"").append(description).append('"');
			}
			if (role != null) {
				line.append(" --role \"").append(role).append('"');
			}
			TokenState renamed = token.with(newName, description, null, null);
			TokenState applied = role == null ? renamed : renamed.with(null, null, token.withDeploymentRole(role), null);
			return new Operation(Kind.UPDATE, line.toString(), target, Map.of(target, applied), Map.of(target, renamed),
					null);
		}

		private static Operation grant(Random random, String grantee, Map<String, TokenState> state) {
			TokenState token = state.get(grantee);
			boolean workspace = grantee.equals(SandboxSeed.TOKEN_WORKSPACE_DATA_ID);
			String kind = workspace ? "workspace-token" : "organization-token";
			String current = token.deploymentRole();
			// mostly the subcommand that fits the token's state; sometimes one that does not, which must change nothing
			String[] verbs = { "add", "update", "remove" };
			String verb = random.nextDouble() < 0.1 ? verbs[random.nextInt(3)]
					: current == null ? "add" : random.nextBoolean() ? "update" : "remove";
			String role = verb.equals("remove") ? null : ROLES.get(random.nextInt(ROLES.size()));
			String line = "deployment token " + kind + " " + verb + " "
					+ which(random, grantee, state, workspace ? "--workspace-token-name" : "--org-token-name")
					+ (role == null ? "" : " --role \"" + role + "\"") + " -o json";
			TokenState applied = token.with(null, null, token.withDeploymentRole(role), null);
			return new Operation(Kind.GRANT, line, grantee, Map.of(grantee, applied), Map.of(), null);
		}
	}

	enum State {
		BEFORE, PARTIAL, APPLIED
	}

	/** What the shell said, from its exit code and output, and the states each report allows. */
	enum Report {

		SUCCESS(State.APPLIED),
		/** Success after a lost answer, confirmed by reading back. */
		SUCCESS_CONFIRMED(State.APPLIED),
		/** Happened (confirmed), but the secret was lost with the answer: a create or rotate. */
		DONE_SECRET_LOST(State.APPLIED),
		/** Not carried out (confirmed by reading back, or a refusal that said so; a rename undone). */
		NOT_CHANGED(State.BEFORE),
		/** A role change failed and the rename stays: the message names the token's name now. */
		PARTIAL_REPORTED(State.PARTIAL),
		MAY_HAVE_HAPPENED(State.BEFORE, State.PARTIAL, State.APPLIED),
		/** Any other failure: a clear refusal or a failure before any write, which must change nothing. */
		ERROR(State.BEFORE),
		/** Another writer or a deletion meanwhile: there is no other writer in this soak, so it is never true. */
		CONFLICT();

		final Set<State> allowed;

		Report(State... allowed) {
			this.allowed = allowed.length == 0 ? EnumSet.noneOf(State.class) : EnumSet.of(allowed[0], allowed);
		}

		/**
		 * From the typed outcome a write prints with {@code -o json}: its kind, and for an update that did not go
		 * through, how each change's own request ended (a rename may stay while the role change did not happen). A
		 * command that printed no outcome succeeded (a list) or failed before or without any write (a refusal).
		 */
		static Report of(Result r) {
			JsonNode out = outcome(r.out());
			if (out == null) {
				return r.exitCode() == 0 ? SUCCESS : ERROR;
			}
			return switch (out.get("outcome").asString()) {
				case "DONE", "NO_CHANGE" -> SUCCESS;
				// a create or a rotation whose answer, and with it the secret, was lost exits 1
				case "DONE_CONFIRMED_AFTER_LOST_ANSWER" -> r.exitCode() == 0 ? SUCCESS_CONFIRMED : DONE_SECRET_LOST;
				case "UNKNOWN" -> MAY_HAVE_HAPPENED;
				case "CONFLICT" -> CONFLICT;
				case "NOT_DONE_CONFIRMED" -> notDone(out.get("changes"));
				default -> ERROR;
			};
		}

		/** Not done as asked: nothing of it, or a rename that stays (or may). */
		private static Report notDone(JsonNode changes) {
			Set<String> ended = new HashSet<>();
			if (changes != null) {
				changes.valueStream().forEach(c -> ended.add(c.get("outcome").asString()));
			}
			if (ended.contains("UNKNOWN")) {
				return MAY_HAVE_HAPPENED;
			}
			return ended.contains("DONE") || ended.contains("DONE_CONFIRMED_AFTER_LOST_ANSWER") ? PARTIAL_REPORTED
					: NOT_CHANGED;
		}

		/** The outcome object a write printed, or null (a list's array, or no JSON at all). */
		private static JsonNode outcome(String out) {
			try {
				JsonNode tree = JsonMapper.builder().build().readTree(out);
				return tree != null && tree.isObject() && tree.has("outcome") ? tree : null;
			}
			catch (JacksonException notJson) {
				return null;
			}
		}
	}

	enum Violation {
		FALSE_REPORT, UNREPORTED_PARTIAL, DOUBLE_WRITE
	}

	/** One planned fault: the next request matching {@code methods} and {@code path} meets it. */
	record Fault(String what, String methods, String path) {

		static final String[] KINDS = { "lose-answer", "lose-answer", "lose-answer", "drop", "drop", "500", "502",
				"503", "429" };

		/**
		 * One, two, three or five faults for one command, all on the same requests: its writes, all its requests, or
		 * those on its token.
		 */
		static List<Fault> plan(Random random, Operation op) {
			double target = random.nextDouble();
			String tokenPath = op.target() == null ? "" : "/tokens/" + op.target();
			String methods = target < 0.6 ? "POST,DELETE" : "";
			String path = target >= 0.85 ? tokenPath : "";
			double size = random.nextDouble();
			// three in a row on the writes can meet a rename (lost answer), its role change and the restore
			int count = size < 0.6 ? 1 : size < 0.72 ? 2 : size < 0.86 ? 3 : 5;
			List<Fault> plan = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				plan.add(new Fault(KINDS[random.nextInt(KINDS.length)], methods, path));
			}
			return plan;
		}

		static void inject(SandboxServer server, List<Fault> plan) {
			if (plan.isEmpty()) {
				return;
			}
			// Retry-After 0: a 429 is retried at once (reads only), so the soak stays quick
			server.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 0, 0,
					plan.get(0).path(), plan.get(0).methods()));
			for (Fault f : plan) {
				switch (f.what) {
					case "lose-answer" -> server.loseNextAnswers(1);
					case "drop" -> server.dropNext(1);
					default -> server.failNext(1, Integer.parseInt(f.what));
				}
			}
		}

		boolean hits(String request) {
			String method = request.substring(0, request.indexOf(' '));
			return request.contains(path) && (methods.isEmpty() || List.of(methods.split(",")).contains(method));
		}

		@Override
		public String toString() {
			return what + (methods.isEmpty() ? "" : " on " + methods) + (path.isEmpty() ? "" : " on " + path);
		}
	}

	/** The soak's figures. */
	static final class Tally {

		final Map<Kind, Integer> operations = new TreeMap<>();

		final Map<Report, Integer> reports = new TreeMap<>();

		final Map<String, Integer> faults = new TreeMap<>();

		final Map<String, Integer> outcomes = new TreeMap<>();

		final Map<Violation, List<String>> violations = new TreeMap<>();

		int faultedOperations;

		void record(Operation op, List<Fault> plan, List<String> requests, Report report) {
			operations.merge(op.kind(), 1, Integer::sum);
			reports.merge(report, 1, Integer::sum);
			if (!plan.isEmpty()) {
				faultedOperations++;
				// the plan is used up in order by the requests it matches; what is left over never happened
				long hit = requests.stream().filter(plan.get(0)::hits).count();
				plan.stream().limit(hit).forEach(f -> faults.merge(f.what(), 1, Integer::sum));
			}
		}

		void observed(Report report, Set<State> states) {
			outcomes.merge(report + "->" + states, 1, Integer::sum);
		}

		void violation(Violation kind, String what) {
			violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
		}

		String figures(int operationCount, long seed, Duration took) {
			Map<Violation, Integer> counts = new HashMap<>();
			for (Violation v : Violation.values()) {
				counts.put(v, violations.getOrDefault(v, List.of()).size());
			}
			StringBuilder s = new StringBuilder();
			s.append("fault soak: ").append(operationCount).append(" operations, seed ").append(seed).append(", ")
				.append(took.toSeconds()).append(" s\n");
			s.append("  operations: ").append(operations).append('\n');
			s.append("  operations with planned faults: ").append(faultedOperations).append(" (")
				.append(Math.round(100.0 * faultedOperations / operationCount)).append(" %); faults met: ")
				.append(faults)
				.append('\n');
			s.append("  reports: ").append(reports).append('\n');
			s.append("  report -> states the sandbox matched: ").append(outcomes).append('\n');
			s.append("  false reports: ").append(counts.get(Violation.FALSE_REPORT))
				.append(", unreported partial updates: ").append(counts.get(Violation.UNREPORTED_PARTIAL))
				.append(", double writes: ").append(counts.get(Violation.DOUBLE_WRITE));
			violations.values().stream().flatMap(List::stream).limit(20).forEach(v -> s.append("\n  ").append(v));
			return s.toString();
		}
	}

}
