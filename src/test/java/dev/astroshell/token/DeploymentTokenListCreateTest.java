package dev.astroshell.token;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.astroshell.AstroProperties;
import dev.astroshell.api.ApiToken;
import dev.astroshell.api.CreateTokenRequest;
import dev.astroshell.api.UpdateTokenRequest;
import dev.astroshell.api.TokenQuery;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.ExitCodes;
import dev.astroshell.cli.Renderer;
import dev.astroshell.prompt.ScriptedPrompter;
import dev.astroshell.sandbox.SandboxSeed;
import dev.astroshell.session.Session;
import dev.astroshell.shell.ShellDriver.Result;
import dev.astroshell.shell.ShellDriver;
import dev.astroshell.shell.ShellMode;
import dev.astroshell.testing.SandboxFixture;
import dev.astroshell.testing.ScriptedShellTest;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ETL_STAGING_ID;
import static dev.astroshell.sandbox.SandboxSeed.DEPLOYMENT_ML_PROD_ID;
import static dev.astroshell.sandbox.SandboxSeed.ORGANIZATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_CI_DEPLOY_OLD_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_EQUIPE_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_ORG_AUTOMATION_ID;
import static dev.astroshell.sandbox.SandboxSeed.TOKEN_WORKSPACE_DATA_ID;
import static dev.astroshell.testing.SandboxFixture.ETL_PROD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deployment token list} and {@code create} (docs/commands.md §2.2), and the help of {@code update}, over the
 * sandbox with a scripted prompter.
 */
@ScriptedShellTest
class DeploymentTokenListCreateTest {

	static final String NL = System.lineSeparator();

	static final String TOKENS = "/v1/organizations/" + ORGANIZATION_ID + "/tokens";

	@Autowired
	ShellDriver shell;

	@Autowired
	ScriptedPrompter prompter;

	@Autowired
	SandboxFixture fixture;

	@Autowired
	Session session;

	@Autowired
	JsonMapper json;

	@Autowired
	Renderer renderer;

	@Autowired
	Clock clock;

	@Autowired
	ShellMode mode;

	@Autowired
	AstroProperties properties;

	@BeforeEach
	void fresh() {
		fixture.fresh();
		prompter.reset();
	}

	// ---- list

	@Test
	void listIsATableOfEveryTokenWithARoleOnTheDeployment() {
		Result r = shell.run("deployment token list");
		assertThat(r.exitCode()).isZero();
		assertThat(r.err()).isEmpty();
		List<String> lines = r.out().lines().toList();
		assertThat(lines.get(0)).matches(
				"ID\\s+NAME\\s+DESCRIPTION\\s+SCOPE\\s+DEPLOYMENT ROLE\\s+EXPIRES\\s+CREATED\\s+CREATED BY\\s*");
		assertThat(lines).hasSize(6);
		assertThat(row(lines, TOKEN_CI_DEPLOY_ID)).contains("Ci Deploy Token", "Deploys etl-prod from CI",
				"DEPLOYMENT", "DEPLOYMENT_ADMIN", "never", "12 days ago", "Ada Lovelace");
		assertThat(row(lines, TOKEN_CI_DEPLOY_OLD_ID)).contains("Deploy Bot", "41 days ago", "Grace Hopper");
		assertThat(row(lines, TOKEN_EQUIPE_ID)).contains("Équipe données", "DAG_RUNNER", "3 days ago");
		assertThat(row(lines, TOKEN_WORKSPACE_DATA_ID)).contains("WORKSPACE", "DEPLOYMENT_ADMIN");
		assertThat(row(lines, TOKEN_ORG_AUTOMATION_ID)).contains("ORGANIZATION", "Deploy Bot", "60 days ago");
		assertThat(r.out()).doesNotContain("airflow-sync").doesNotContain("eyJ");
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS);
	}

	@Test
	void listEndsWithTheExpiryFooterAndExpiringWithinKeepsTheTokensEndingSoon() {
		assertThat(shell.run("deployment token list --deployment-id " + DEPLOYMENT_ML_PROD_ID).out().lines().toList())
			.last().isEqualTo("1 token has expired");
		assertThat(shell.run("deployment token list").out()).as("nothing ends soon on etl-prod: no footer")
			.doesNotContain("expire");

		assertThat(shell.run("deployment token create --name soon --role DEPLOYMENT_ADMIN -e 3").exitCode()).isZero();
		Result within = shell.run("deployment token list --expiring-within 7");
		assertThat(within.exitCode()).isZero();
		List<String> lines = within.out().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).contains("soon"); // its wording is tested on a frozen clock
		assertThat(lines.get(2)).isEqualTo("1 token expires within 7 days");
		JsonNode json = this.json.readTree(shell.run("deployment token list --expiring-within 7 -o json").out());
		assertThat(json.size()).as("the footer is never in JSON").isEqualTo(1);
		assertThat(json.get(0).get("name").asString()).isEqualTo("soon");
	}

	@Test
	void aBadExpiringWithinIsOneLineExit2AndNoRequest() {
		Result r = shell.run("deployment token list --expiring-within -1");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.errLines()).containsExactly("Error: invalid --expiring-within -1: use a number of days, 0 or more");
		assertThat(shell.run("deployment token workspace-token list --expiring-within week").exitCode())
			.isEqualTo(ExitCodes.USAGE);
		assertThat(fixture.requests()).isEmpty();
	}

	@Test
	void inTheReplSwitchingToADeploymentWhoseTokensWereListedSaysTheLineWithoutReadingThemAgain() {
		mode.startRepl();
		try {
			shell.run("deployment token list --deployment-id " + DEPLOYMENT_ML_PROD_ID);
			fixture.clearRequests();

			Result r = shell.run("deployment switch " + DEPLOYMENT_ML_PROD_ID);

			assertThat(r.out().lines().toList()).containsExactly(
					"Current deployment: ml-prod (" + DEPLOYMENT_ML_PROD_ID + ")", "1 token has expired");
			assertThat(fixture.requests()).noneMatch(request -> request.contains("/tokens"));
		}
		finally {
			mode.endRepl();
		}
	}

	@Test
	void listAliasesAndAnotherDeployment() {
		Result r = shell.run("de to ls --deployment-id " + DEPLOYMENT_ETL_STAGING_ID);
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).contains("airflow-sync", "staging smoke tests", "5 hours ago", "Development token")
			.doesNotContain("Ci Deploy Token");
	}

	@Test
	void listAsJsonHasTheApiFieldNamesAndNoSecret() throws Exception {
		for (String line : List.of("deployment token list -o json", "deployment token list --json",
				"deployment token list --output json")) {
			Result r = shell.run(line);
			assertThat(r.exitCode()).as(line).isZero();
			JsonNode tokens = json.readTree(r.out());
			assertThat(tokens.isArray()).isTrue();
			assertThat(tokens.size()).isEqualTo(5);
			JsonNode first = tokens.get(0);
			assertThat(first.has("id") && first.has("name") && first.has("scope") && first.has("roles")
					&& first.has("createdAt") && first.has("shortToken")).as(first.toString()).isTrue();
			assertThat(first.has("token")).isFalse();
			assertThat(r.out()).doesNotContain("eyJ");
		}
	}

	@Test
	void listIsStreamedAsTheSameBytesAsTheWholeListRendered() {
		List<ApiToken> all = etlProdTokens(0);
		assertThat(shell.run("deployment token list").out())
			.isEqualTo(renderer.table(all, TokenColumns.columns(Place.deployment(ETL_PROD), clock)) + NL);
		assertThat(shell.run("deployment token list -o json").out()).isEqualTo(renderer.json(all) + NL);
	}

	@Test
	void listAndGrantListsSortNamesNaturallyAsThePickersDo() {
		List<String> natural = List.of("job 1", "Job 2", "job 5", "job 10");
		for (String name : List.of("job 10", "job 5", "job 1", "Job 2")) {
			create(name, "");
			session.api()
				.createToken(ORGANIZATION_ID, new CreateTokenRequest("ws " + name, "WORKSPACE_AUTHOR",
						TokenScope.WORKSPACE, "", SandboxSeed.WORKSPACE_DATA_ID, null, null))
				.block();
			assertThat(shell.run("deployment token workspace-token add -n \"ws " + name + "\" -r DAG_RUNNER").exitCode())
				.isZero();
		}
		assertThat(names("deployment token list -o json")).filteredOn(n -> natural.contains(n))
			.containsExactlyElementsOf(natural);
		assertThat(names("deployment token workspace-token list -o json")).filteredOn(n -> n.startsWith("ws "))
			.containsExactlyElementsOf(natural.stream().map(n -> "ws " + n).toList());
	}

	private List<String> names(String line) {
		Result r = shell.run(line);
		assertThat(r.exitCode()).as(r.err()).isZero();
		List<String> names = new ArrayList<>();
		json.readTree(r.out()).forEach(t -> names.add(t.get("name").asString()));
		return names;
	}

	@Test
	void aListOfSeveralPagesIsStreamedWholeInTheFirstPagesColumns() {
		int page = properties.api().pageSize();
		for (int i = 0; i < page; i++) {
			// descriptions all as wide, so that the column cuts the last one in mid-word
			create("bulk token " + i, "bulk description %04d".formatted(i));
		}
		create("zzz last", "a description far wider than any on the first page of the list");
		List<ApiToken> all = new ArrayList<>(etlProdTokens(0));
		all.addAll(etlProdTokens(page));
		assertThat(all).hasSize(page + 6);
		fixture.clearRequests();

		assertThat(shell.run("deployment token list -o json").out()).isEqualTo(renderer.json(all) + NL);
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS, "GET " + TOKENS);

		List<String> lines = shell.run("deployment token list").out().lines().toList();
		assertThat(lines).hasSize(all.size() + 1);
		assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(' ')))
			.containsExactlyElementsOf(all.stream().map(ApiToken::id).toList());
		String last = row(lines, all.stream().filter(t -> t.name().equals("zzz last")).findFirst().orElseThrow().id());
		assertThat(all.indexOf(all.stream().filter(t -> t.name().equals("zzz last")).findFirst().orElseThrow()))
			.as("on the second page").isGreaterThanOrEqualTo(page);
		assertThat(last).contains("a description fa", "…  DEPLOYMENT")
			.doesNotContain("first page of the list");
		assertThat(last.indexOf("DEPLOYMENT  ")).as("in the header's column").isEqualTo(lines.get(0).indexOf("SCOPE"));
	}

	@Test
	void aListServesTheNextUpdateByNameWithOneConfirmingRead() {
		shell.run("deployment token list");
		fixture.clearRequests();

		Result r = shell.run("deployment token update --name \"Équipe données\" --role DEPLOYMENT_ADMIN");

		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(fixture.requests())
			.as("E3 confirming the cached name, E3 again just before the writes, E4, E5, E3 reading the roles back")
			.containsExactly("GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID,
					"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID,
					"POST " + TOKENS + "/" + TOKEN_EQUIPE_ID + "/roles", "GET " + TOKENS + "/" + TOKEN_EQUIPE_ID);

		// renamed behind the shell's back: the confirmation disagrees and the list is read again
		shell.run("deployment token list");
		session.api()
			.updateToken(ORGANIZATION_ID, TOKEN_EQUIPE_ID, new UpdateTokenRequest("Équipe renamed", ""))
			.block();
		fixture.clearRequests();
		r = shell.run("deployment token update --name \"Équipe données\" --role DEPLOYMENT_ADMIN");
		assertThat(r.err()).contains("no Deployment API token was found for the API token name you provided");
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS + "/" + TOKEN_EQUIPE_ID, "GET " + TOKENS);
	}

	@Test
	void listShowsAnUpdate() {
		assertThat(shell.run("deployment token update " + TOKEN_CI_DEPLOY_ID + " -n \"CI main\" -r \"Deploy Bot\"")
			.exitCode()).isZero();
		String row = row(shell.run("deployment token list").out().lines().toList(), TOKEN_CI_DEPLOY_ID);
		assertThat(row).contains("CI main", "Deploy Bot").doesNotContain("DEPLOYMENT_ADMIN");
	}

	@Test
	void listWithoutADeploymentNonInteractiveNamesTheFlag() {
		fixture.withoutDeployment();
		prompter.nonInteractive();
		Result r = shell.run("deployment token list");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).isEqualTo(
				"Error: required flag --deployment-id not set. To find valid values, run: deployment list" + NL);
	}

	@Test
	void listRejectsAnUnknownOutputFormat() {
		Result r = shell.run("deployment token list --output yaml");
		assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(r.err()).startsWith("Error: ");
	}

	// ---- create

	@Test
	void createPrintsTheSecretOnceWithTheSpecLines() {
		Result r = shell.run("deployment token create --name \"Nightly CI\" -d \"from Jenkins\" --role \"Deploy Bot\" -e 30");
		assertThat(r.err()).isEmpty();
		assertThat(r.exitCode()).isZero();
		List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("Astro Deployment API token Nightly CI was successfully created");
		assertThat(lines.get(1)).isEqualTo("Copy and paste this API token for your records.");
		String secret = lines.get(2);
		assertThat(secret).startsWith("eyJ");
		assertThat(lines.get(3)).isEqualTo("You will not be shown this API token value again.");

		ApiToken created = onEtlProd("Nightly CI");
		assertThat(created.scope()).isEqualTo(TokenScope.DEPLOYMENT);
		assertThat(created.description()).isEqualTo("from Jenkins");
		assertThat(created.deploymentRole(ETL_PROD)).isEqualTo("Deploy Bot");
		assertThat(created.expiryPeriodInDays()).isEqualTo(30);
		assertThat(shell.run("deployment token list -o json").out()).doesNotContain(secret);
		assertThat(fixture.requests()).filteredOn(req -> req.startsWith("POST")).containsExactly("POST " + TOKENS);
	}

	@Test
	void createCleanOutputPrintsOnlyTheToken() {
		Result r = shell.run("de to cr -n ci -r DEPLOYMENT_ADMIN --clean-output");
		assertThat(r.exitCode()).isZero();
		assertThat(r.out().lines()).singleElement().satisfies(t -> assertThat(t).startsWith("eyJ"));
		Result shortFlag = shell.run("deployment token create -n ci2 -r DEPLOYMENT_ADMIN -c");
		assertThat(shortFlag.exitCode()).isZero();
		assertThat(shortFlag.out().lines()).singleElement().satisfies(t -> assertThat(t).startsWith("eyJ"));
		assertThat(onEtlProd("ci2").expiryPeriodInDays()).as("no --expiration: never expires").isNull();
	}

	@Test
	void createAsksForAMissingNameAndRoleInteractively() {
		prompter.expectInput("Enter a name for the new Deployment API token: ", "Typed name")
			.expectSelect("Role of `Typed name` (Deployment API token) on etl-prod",
					List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER", "Deploy Bot"), "DAG_RUNNER");
		Result r = shell.run("deployment token create");
		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).isZero();
		assertThat(r.out()).startsWith("Astro Deployment API token Typed name was successfully created");
		assertThat(onEtlProd("Typed name").deploymentRole(ETL_PROD)).isEqualTo("DAG_RUNNER");
	}

	@Test
	void createAsksAgainForAnEmptyNameAndStartsTheRoleSelectorOffDeploymentAdmin() {
		prompter.expectInput(CreateToken.NAME_PROMPT, "")
			.expectInput(CreateToken.NAME_PROMPT, " ")
			.expectInput(CreateToken.NAME_PROMPT, "Typed name")
			.expectSelect("Role of `Typed name` (Deployment API token) on etl-prod",
					List.of("DEPLOYMENT_ADMIN", "DAG_RUNNER", "Deploy Bot"), "Deploy Bot");
		Result r = shell.run("deployment token create");
		prompter.verifyAllConsumed();
		assertThat(r.exitCode()).as(r.err()).isZero();
		assertThat(prompter.shown().get(3).initial()).as("a new token's selector does not start on the admin role")
			.isEqualTo(1);
		assertThat(onEtlProd("Typed name").deploymentRole(ETL_PROD)).isEqualTo("Deploy Bot");
	}

	@Test
	void createToANameAnotherTokenHasAsksFirstAndOneShotGoesOnWithAWarningOnItsErrorStream() {
		String clash = "Another token on etl-prod is named Équipe données (id " + TOKEN_EQUIPE_ID + ")";
		String line = "deployment token create -n \"Équipe données\" -r DAG_RUNNER";
		prompter.expectConfirm(clash + "; create another one?", false);
		Result declined = shell.run(line);
		prompter.verifyAllConsumed();
		assertThat(declined.exitCode()).isZero();
		assertThat(declined.out()).isEqualTo(NameClash.CREATE_CANCELED + NL);
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));

		prompter.nonInteractive();
		Result oneShot = shell.run(line);
		assertThat(oneShot.exitCode()).as(oneShot.err()).isZero();
		assertThat(oneShot.err()).as("the command's error stream")
			.isEqualTo("Warning: " + clash + "; --name will find several tokens" + NL);
		assertThat(fixture.requests()).filteredOn(req -> req.startsWith("POST")).containsExactly("POST " + TOKENS);
	}

	@Test
	void createWithoutATerminalFailsNamingTheMissingFlag() {
		prompter.nonInteractive();
		Result noName = shell.run("deployment token create --role DEPLOYMENT_ADMIN");
		assertThat(noName.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noName.err()).contains("--name");
		Result noRole = shell.run("deployment token create --name x");
		assertThat(noRole.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noRole.err()).contains("--role");
		assertThat(prompter.shown()).isEmpty();
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
	}

	@Test
	void createValidatesBeforeTheCall() {
		for (String line : List.of("deployment token create -n x -r DEPLOYMENT_ADMIN -e 0",
				"deployment token create -n x -r DEPLOYMENT_ADMIN -e 3651",
				"deployment token create -n x -r WORKSPACE_AUTHOR", "deployment token create -n \"\" -r DEPLOYMENT_ADMIN")) {
			Result r = shell.run(line);
			assertThat(r.exitCode()).as(line).isEqualTo(ExitCodes.USAGE);
			assertThat(r.err().lines()).as(line).hasSize(1);
		}
		assertThat(shell.run("deployment token create -n x -r DEPLOYMENT_ADMIN -e 0").err())
			.isEqualTo("Error: invalid --expiration 0: use a number of days from 1 to 3650" + NL);
		assertThat(shell.run("deployment token create -n x -r WORKSPACE_AUTHOR").err()).isEqualTo(
				"Error: invalid role 'WORKSPACE_AUTHOR': use one of DEPLOYMENT_ADMIN, DAG_RUNNER, Deploy Bot" + NL);
		assertThat(fixture.requests()).noneMatch(req -> req.startsWith("POST"));
		assertThat(shell.run("deployment token create -n edge -r DEPLOYMENT_ADMIN -e 3650 -c").exitCode()).isZero();
	}

	@Test
	void aCreationWhoseAnswerIsLostIsFoundAmongTheNewNamesakesAndItsSecretIsSaidLost() {
		prompter.nonInteractive(); // one-shot: a namesake does not stop the create
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1.0, 1, "/tokens", "POST"));
		Result r = shell.run("deployment token create --name \"Ci Deploy Token\" --role DEPLOYMENT_ADMIN");
		fixture.server().setFaults(SandboxFixture.NO_FAULTS);

		List<ApiToken> named = session.api()
			.listTokens(ORGANIZATION_ID, TokenQuery.ofDeployment(ETL_PROD), 0, 100)
			.block()
			.tokens()
			.stream()
			.filter(t -> t.name().equals("Ci Deploy Token"))
			.toList();
		assertThat(named).as("the create was carried out beside the two older namesakes").hasSize(3);
		String created = named.stream()
			.map(ApiToken::id)
			.filter(id -> !id.equals(TOKEN_CI_DEPLOY_ID) && !id.equals(TOKEN_CI_DEPLOY_OLD_ID))
			.findFirst()
			.orElseThrow();
		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.out()).isEmpty();
		List<String> err = r.err().lines().toList();
		assertThat(err).hasSize(2);
		assertThat(err.get(0)).as("the namesakes' warning, then the one error line")
			.startsWith("Warning: Another token on etl-prod is named Ci Deploy Token (ids ");
		assertThat(err.get(1)).startsWith("Error: the token Ci Deploy Token was created (" + created
				+ "; the answer was lost").endsWith("'deployment token rotate " + created + "'");
	}

	@Test
	void aCreateRunAgainWhoseRequestFailsIsNotTakenForTheFirstOne() {
		// found by the fault soak: the namesake a moment older is not this create's
		assertThat(shell.run("deployment token create --name again --role DAG_RUNNER -c").exitCode()).isZero();
		fixture.server()
			.setFaults(new AstroProperties.Faults(Duration.ZERO, 0, new int[] { 500 }, 0, 1, "/tokens", "POST"));
		fixture.server().failNext(1, 500);
		fixture.clearRequests();
		prompter.nonInteractive(); // one-shot: a namesake does not stop the create

		Result r = shell.run("deployment token create --name again --role DAG_RUNNER -c");

		assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(r.out()).isEmpty();
		assertThat(r.err().lines().toList()).as("the namesake's warning, then the one error line")
			.hasSize(2)
			.last()
			.asString()
			.startsWith("Error: the token again was not created (confirmed by reading the token list back)");
		assertThat(fixture.requests()).as("the namesakes before the write, E2 once, the list again")
			.containsExactly("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS);
	}

	@Test
	void createInvalidatesTheCompletionCache() {
		fixture.clearRequests();
		shell.complete("deployment token update ");
		shell.complete("deployment token update ");
		assertThat(fixture.requests()).containsExactly("GET " + TOKENS);
		shell.run("deployment token create -n fresh -r DEPLOYMENT_ADMIN -c");
		assertThat(shell.complete("deployment token update --name ")).contains("fresh");
	}

	// ---- help

	@Test
	void helpShowsUsageEveryOptionAndTheFourExamples() {
		String help = shell.run("help deployment token update").out();
		assertThat(shell.run("deployment token update --help").out()).isEqualTo(help);
		assertThat(shell.run("de to up -h").out()).isEqualTo(help);
		assertThat(help).contains("deployment token update [TOKEN_ID]", "TOKEN_ID", "--name, -t", "--new-name, -n",
				"--description, -d", "--role, -r", "--deployment-id")
			.contains("deployment token update <token-id> --deployment-id <deployment-id>",
					"deployment token update --deployment-id <deployment-id> --name=\"Token name\"",
					"deployment token update --deployment-id <deployment-id> ",
					"deployment token update TOKEN_ID --deployment-id <deployment-id> --role=DEPLOYMENT_ADMIN");
		assertThat(fixture.requests()).isEmpty();
	}

	// ---- helpers

	private static String row(List<String> lines, String id) {
		return lines.stream().filter(l -> l.startsWith(id)).findFirst().orElseThrow(() -> new AssertionError(
				"no row for " + id + " in " + lines));
	}

	private void create(String name, String description) {
		session.api()
			.createToken(ORGANIZATION_ID, new CreateTokenRequest(name, "DEPLOYMENT_ADMIN", TokenScope.DEPLOYMENT,
					description, ETL_PROD, null, null))
			.block();
	}

	private List<ApiToken> etlProdTokens(int offset) {
		return session.api()
			.listTokens(ORGANIZATION_ID, TokenQuery.ofDeployment(ETL_PROD), offset, properties.api().pageSize())
			.block()
			.tokens()
			.stream()
			.sorted(TokenLists.BY_NAME) // the list's order, page by page
			.toList();
	}

	private ApiToken onEtlProd(String name) {
		return session.api()
			.listTokens(SandboxSeed.ORGANIZATION_ID, TokenQuery.ofDeployment(ETL_PROD), 0, 100)
			.block()
			.tokens()
			.stream()
			.filter(t -> t.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no token " + name + " on etl-prod"));
	}

}
