package dev.astroshell.journal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.astroshell.api.ApiToken;
import dev.astroshell.api.EntityType;
import dev.astroshell.api.TokenRole;
import dev.astroshell.api.TokenScope;
import dev.astroshell.cli.CliException;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Progress.Label;
import dev.astroshell.cli.TerminalText;
import dev.astroshell.gateway.ApiGateway;
import dev.astroshell.session.Session;
import dev.astroshell.token.AddGrant;
import dev.astroshell.token.DeleteToken;
import dev.astroshell.token.GrantKind;
import dev.astroshell.token.Place;
import dev.astroshell.token.RemoveGrant;
import dev.astroshell.token.RoleWrite;
import dev.astroshell.token.TokenFamily;
import dev.astroshell.token.TokenUpdate;
import dev.astroshell.token.UpdateGrant;
import dev.astroshell.token.UpdateToken;
import dev.astroshell.token.WriteOutput;
import dev.astroshell.token.WriteResult.Action;
import dev.astroshell.token.WriteResult.Change;

import org.springframework.stereotype.Component;

/**
 * {@code undo} (docs/commands.md §2.4): the newest reversible entry of the current context reverted through the
 * write's own use case, so that it is previewed, settled, read back and journalled (as the undo of that entry) as any
 * write is. Entries that cannot be reverted (a rotation, a deletion, a write that did not end as asked) are passed
 * over and named. The token is read first: a change by anyone since the entry stops the undo unless forced.
 */
@Component
class Undo {

	private static final Label FETCHING_TOKEN = Label.of("fetching token");

	/** How many passed-over entries a message names; the rest are counted. */
	private static final int NAMED = 3;

	private final Journal journal;

	private final Session session;

	private final ApiGateway gateway;

	private final WriteOutput output;

	private final UpdateToken update;

	private final AddGrant addGrant;

	private final UpdateGrant updateGrant;

	private final RemoveGrant removeGrant;

	private final DeleteToken delete;

	Undo(Journal journal, Session session, ApiGateway gateway, WriteOutput output, UpdateToken update,
			AddGrant addGrant, UpdateGrant updateGrant, RemoveGrant removeGrant, DeleteToken delete) {
		this.journal = journal;
		this.session = session;
		this.gateway = gateway;
		this.output = output;
		this.update = update;
		this.addGrant = addGrant;
		this.updateGrant = updateGrant;
		this.removeGrant = removeGrant;
		this.delete = delete;
	}

	/** The entry to revert, and the newer ones passed over, each with why. */
	record Target(JournalEntry entry, List<String> passedOver) {
	}

	/**
	 * Reverts the newest reversible entry; with {@code dryRun} prints what would be sent instead. Text output starts
	 * with the entries passed over and the one reverted.
	 */
	String undo(boolean dryRun, boolean force, String outputFormat, Boolean json, PrintWriter out) {
		OutputFormat format = OutputFormat.of(outputFormat, Boolean.TRUE.equals(json));
		Target target = target(journal.entries(), session.current().domain(), gateway.organizationId());
		JournalEntry entry = target.entry();
		ApiToken now = gateway.tokenIfAny(FETCHING_TOKEN, entry.tokenId())
			.orElseThrow(() -> CliException.failure("the token " + name(entry) + " of entry " + entry.id()
					+ " no longer exists: there is nothing to undo"));
		List<String> changed = changedSince(entry, now);
		if (!changed.isEmpty() && !force) {
			throw CliException.failure("the token " + name(entry) + " was changed since entry " + entry.id() + " ("
					+ entry.describe() + "): " + String.join("; ", changed) + "; 'undo --force' reverts it anyway");
		}
		if (format == OutputFormat.TABLE) {
			target.passedOver().forEach(out::println);
			out.println((dryRun ? "Would undo entry " : "Undoing entry ") + entry.id() + ": " + oneLine(entry.describe())
					+ (changed.isEmpty() ? "" : " (changed since: " + String.join("; ", changed) + ")"));
			out.flush();
		}
		return journal.undoing(entry.id(), () -> revert(entry, now, dryRun, force, outputFormat, json, out));
	}

	/**
	 * The newest entry of this context (domain and organization) that can be reverted and has not been already; an
	 * entry made by {@code undo} counts, so that a second {@code undo} redoes.
	 */
	static Target target(List<JournalEntry> entries, String domain, String organizationId) {
		Set<Long> undone = new HashSet<>();
		entries.stream().filter(e -> e.undoOf() != null && e.done()).forEach(e -> undone.add(e.undoOf()));
		List<String> passedOver = new ArrayList<>();
		for (int i = entries.size() - 1; i >= 0; i--) {
			JournalEntry e = entries.get(i);
			if (!Objects.equals(e.domain(), domain) || !Objects.equals(e.organizationId(), organizationId)
					|| undone.contains(e.id())) {
				continue;
			}
			String why = irreversible(e);
			if (why == null) {
				return new Target(e, passedOver);
			}
			passedOver.add("Entry " + e.id() + " (" + oneLine(e.describe()) + ") cannot be undone: " + why);
		}
		if (passedOver.isEmpty()) {
			throw CliException.failure("nothing to undo: the journal holds no change made in this context");
		}
		List<String> named = passedOver.subList(0, Math.min(NAMED, passedOver.size()));
		int more = passedOver.size() - named.size();
		throw CliException.failure("nothing to undo. " + String.join("; ", named)
				+ (more == 0 ? "" : "; and " + more + " more"));
	}

	/** Why an entry cannot be reverted, or null when it can. */
	static String irreversible(JournalEntry e) {
		if (e.write() == Action.ROTATE) {
			return "a rotation cannot be taken back (the old secret stopped working for good)";
		}
		if (e.write() == Action.DELETE) {
			return "a deleted token cannot be brought back";
		}
		if (!e.done()) {
			return "it did not end as asked (" + e.outcome() + "): only changes carried out are reverted";
		}
		if (e.write() == Action.UPDATE && e.changes().isEmpty()) {
			return "it changed nothing";
		}
		Place place = e.place();
		if (place == null) {
			return "the entry does not say which deployment, workspace or organization it was on";
		}
		boolean ownEntity = (e.write() == Action.UPDATE || e.write() == Action.CREATE)
				&& TokenFamily.of(e.scope()).equals(place.family());
		if (!ownEntity && grantKind(e) == null) {
			return "no token command makes this write on a " + place.family().noun() + ", so none can revert it";
		}
		return null;
	}

	/** What differs between the token as the entry left it and as it is now; empty when nobody changed it. */
	static List<String> changedSince(JournalEntry e, ApiToken now) {
		if (e.after() == null) {
			// the write's read-back failed: its own changes are what can be checked
			return e.changes().stream().filter(c -> !Objects.equals(c.after(), value(now, c.field(), e.place())))
				.map(c -> c.field() + ": " + show(c.after()) + " -> " + show(value(now, c.field(), e.place())))
				.toList();
		}
		List<String> changed = new ArrayList<>(
				RoleWrite.changedMeanwhile(e.after().asToken(e.tokenId(), e.scope()), now, true));
		if (changed.isEmpty() && !Objects.equals(e.after().updatedAt(), now.updatedAt())) {
			changed.add("updated at " + now.updatedAt());
		}
		return changed;
	}

	private static String value(ApiToken token, String field, Place place) {
		return switch (field) {
			case "name" -> token.name();
			case "description" -> token.description();
			case "role" -> place.roleOf(token);
			default -> null;
		};
	}

	/** The write that puts the entry's before-state back, run or previewed through its use case. */
	private String revert(JournalEntry e, ApiToken now, boolean dryRun, boolean force, String format, Boolean json,
			PrintWriter out) {
		String entityId = e.place().id();
		String roleBefore = before(e, "role");
		return switch (e.write()) {
			case UPDATE -> output.write(update, new TokenUpdate(TokenFamily.of(e.scope()), e.tokenId(), null,
					before(e, "name"), before(e, "description"), roleBefore, entityId), dryRun, format, json, false,
					out);
			// a grant taken back or put back can itself be undone: no question; a deletion cannot, so it asks
			case GRANT -> roleBefore == null
					? output.write(removeGrant, new RemoveGrant.Options(grantKind(e), e.tokenId(), null,
							workspaceOf(e, now), entityId, true), dryRun, format, json, false, out)
					: output.write(updateGrant,
							new UpdateGrant.Options(grantKind(e), e.tokenId(), null, roleBefore, entityId), dryRun,
							format, json, false, out);
			case REMOVE -> output.write(addGrant, new AddGrant.Options(grantKind(e), e.tokenId(), null, roleBefore,
					workspaceOf(e, now), entityId), dryRun, format, json, false, out);
			case CREATE -> output.write(delete,
					new DeleteToken.Options(TokenFamily.of(e.scope()), e.tokenId(), null, force, entityId), dryRun,
					format, json, false, out);
			case ROTATE, DELETE -> throw CliException.failure(irreversible(e));
		};
	}

	/** The before-value of the entry's change of {@code field}; null when it did not change it, or it was none. */
	private static String before(JournalEntry e, String field) {
		return e.changes().stream().filter(c -> c.field().equals(field)).findFirst().map(Change::before).orElse(null);
	}

	/** The kind of a grant or removal entry (its token's family, the family of the entity it was on); null when none. */
	private static GrantKind grantKind(JournalEntry e) {
		Place place = e.place();
		return place == null ? null : GrantKind.of(TokenFamily.of(e.scope()), place.family());
	}

	/**
	 * A workspace token's workspace, where the lookup of its grant finds it; null for an organization token, whose
	 * lookup needs none.
	 */
	private static String workspaceOf(JournalEntry e, ApiToken token) {
		if (!TokenScope.WORKSPACE.equals(e.scope())) {
			return null;
		}
		return token.roles().stream()
			.filter(r -> EntityType.WORKSPACE.equals(r.entityType()))
			.map(TokenRole::entityId)
			.findFirst()
			.orElse(null);
	}

	private static String name(JournalEntry e) {
		return oneLine(e.tokenName()) + " (" + e.tokenId() + ")";
	}

	private static String show(String value) {
		return value == null ? "none" : oneLine(value);
	}

	private static String oneLine(String text) {
		return TerminalText.oneLine(text);
	}
}
