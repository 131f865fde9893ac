package dev.astroshell.token;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.OutputFormat;
import dev.astroshell.cli.Renderer;
import dev.astroshell.prompt.NaturalOrder;

import org.springframework.stereotype.Component;

/** The list commands: an entity's tokens, of every scope that can hold a role on it, or of one grant kind. */
@Component
public class TokenLists {

	/** The order of the token pickers ({@code job 2} before {@code job 10}). */
	static final Comparator<ApiToken> BY_NAME = NaturalOrder.by(ApiToken::name);

	private final TokenContext context;

	private final Tokens tokens;

	private final ExpiryNotice notice;

	private final Clock clock;

	private final Renderer renderer;

	TokenLists(TokenContext context, Tokens tokens, ExpiryNotice notice, Renderer renderer, Clock clock) {
		this.context = context;
		this.tokens = tokens;
		this.notice = notice;
		this.renderer = renderer;
		this.clock = clock;
	}

	/**
	 * The list of {@link #list(TokenFamily, String, Integer, Function)} written to {@code out} as a table (ending with
	 * the footer) or as JSON.
	 */
	public void print(TokenFamily family, String entityOption, Integer expiringWithin, OutputFormat format,
			PrintWriter out) {
		String footer = list(family, entityOption, expiringWithin,
				place -> renderer.stream(format, out, TokenColumns.columns(place, clock)));
		if (footer != null && format == OutputFormat.TABLE) {
			out.println(footer);
			out.flush();
		}
	}

	/**
	 * Every token with a role on the entity ({@code --deployment-id} or {@code --workspace-id}, else the current one;
	 * the organization), of its family's scope or a wider one (a workspace's list leaves out the deployment tokens of
	 * its deployments), or only those that end within {@code expiringWithin} days (null: all), written page by page
	 * as it arrives to the writer made for that entity; only the summaries are kept (in the cache). Each page is in
	 * the pickers' natural order: a list streamed without being held whole can sort only its page.
	 *
	 * @return the footer: how many of the listed tokens expire within a week or have expired, or null
	 */
	public String list(TokenFamily family, String entityOption, Integer expiringWithin,
			Function<Place, Renderer.ListWriter<ApiToken>> writerFor) {
		Instant now = clock.instant();
		Expiry.checked(expiringWithin); // before any request
		Place place = family.place(context, entityOption);
		Renderer.ListWriter<ApiToken> out = writerFor.apply(place);
		Expiry expiry = new Expiry(now);
		tokens.eachPage(place, page -> {
			List<ApiToken> listed = page.stream().filter(t -> !family.widerThan(TokenFamily.of(t.scope()))).toList();
			listed.forEach(t -> expiry.add(t.endAt()));
			out.page(listed.stream().filter(t -> Expiry.within(expiringWithin, t.endAt(), now)).sorted(BY_NAME).toList());
		});
		out.end();
		notice.shown(place);
		return expiry.line();
	}

	/**
	 * The entity's tokens of this kind, or those that end within {@code expiringWithin} days (null: all), in the
	 * pickers' natural order of their names.
	 */
	public TokenListing list(GrantKind kind, String entityOption, Integer expiringWithin) {
		Instant now = clock.instant();
		Expiry.checked(expiringWithin); // before any request
		Place place = kind.on().place(context, entityOption);
		List<ApiToken> ofKind = tokens.of(place)
			.stream()
			.filter(t -> kind.token().scope().equals(t.scope()))
			.filter(t -> Expiry.within(expiringWithin, t.endAt(), now))
			.sorted(BY_NAME)
			.toList();
		return new TokenListing(place, ofKind);
	}

	/** The list of {@link #list(GrantKind, String, Integer)} as a table, with the expiry notices under it, or JSON. */
	public String render(GrantKind kind, String entityOption, Integer expiringWithin, OutputFormat format) {
		TokenListing listing = list(kind, entityOption, expiringWithin);
		return notice.under(renderer.render(format, listing.tokens(), listing.tokens(),
				TokenColumns.columns(listing.place(), clock)), format == OutputFormat.TABLE);
	}
}
