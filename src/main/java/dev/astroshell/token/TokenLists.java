package dev.astroshell.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.astroshell.api.ApiToken;
import dev.astroshell.cli.Renderer;
import dev.astroshell.prompt.NaturalOrder;

import org.springframework.stereotype.Component;

/** The list commands: a deployment's tokens, of every scope or of one grant kind. */
@Component
public class TokenLists {

	/** The order of the token pickers ({@code job 2} before {@code job 10}). */
	static final Comparator<ApiToken> BY_NAME = NaturalOrder.by(ApiToken::name);

	private final TokenContext context;

	private final Tokens tokens;

	private final ExpiryNotice notice;

	private final Clock clock;

	TokenLists(TokenContext context, Tokens tokens, ExpiryNotice notice, Clock clock) {
		this.context = context;
		this.tokens = tokens;
		this.notice = notice;
		this.clock = clock;
	}

	/**
	 * Every token with a role on the deployment ({@code --deployment-id}, else the current one), all scopes, or only
	 * those that end within {@code expiringWithin} days (null: all), written page by page as it arrives to the writer
	 * made for that deployment; only the summaries are kept (in the cache). Each page is in the pickers' natural
	 * order: a list streamed without being held whole can sort only its page.
	 *
	 * @return the footer: how many of the deployment's tokens expire within a week or have expired, or null
	 */
	public String list(String deploymentIdOption, Integer expiringWithin,
			Function<String, Renderer.ListWriter<ApiToken>> writerFor) {
		Instant now = clock.instant();
		Expiry.checked(expiringWithin); // before any request
		String deploymentId = context.deploymentId(deploymentIdOption);
		Renderer.ListWriter<ApiToken> out = writerFor.apply(deploymentId);
		Expiry expiry = new Expiry(now);
		tokens.eachPageOfDeployment(deploymentId, page -> {
			page.forEach(t -> expiry.add(t.endAt()));
			out.page(page.stream().filter(t -> Expiry.within(expiringWithin, t.endAt(), now)).sorted(BY_NAME).toList());
		});
		out.end();
		notice.shown(deploymentId);
		return expiry.line();
	}

	/**
	 * The deployment's tokens of this kind, or those that end within {@code expiringWithin} days (null: all), in the
	 * pickers' natural order of their names.
	 */
	public TokenListing list(GrantKind kind, String deploymentIdOption, Integer expiringWithin) {
		Instant now = clock.instant();
		Expiry.checked(expiringWithin);
		String deploymentId = context.deploymentId(deploymentIdOption);
		List<ApiToken> ofKind = tokens.ofDeployment(deploymentId).stream()
			.filter(t -> t.scope() == kind.scope)
			.filter(t -> Expiry.within(expiringWithin, t.endAt(), now))
			.sorted(BY_NAME)
			.toList();
		return new TokenListing(deploymentId, ofKind);
	}
}
