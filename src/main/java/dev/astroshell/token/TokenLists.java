package dev.astroshell.token;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.astroshell.api.ApiToken;
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

	TokenLists(TokenContext context, Tokens tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/**
	 * Every token with a role on the entity ({@code --deployment-id} or {@code --workspace-id}, else the current one;
	 * the organization), of its family's scope or a wider one (a workspace's list leaves out the deployment tokens of
	 * its deployments), written page by page as it arrives to the writer made for that entity; only the summaries are
	 * kept (in the cache). Each page is in the pickers' natural order: a list streamed without being held whole can
	 * sort only its page.
	 */
	public void list(TokenFamily family, String entityOption, Function<Place, Renderer.ListWriter<ApiToken>> writerFor) {
		Place place = family.place(context, entityOption);
		Renderer.ListWriter<ApiToken> out = writerFor.apply(place);
		tokens.eachPage(place, page -> out.page(page.stream()
			.filter(t -> !family.widerThan(TokenFamily.of(t.scope())))
			.sorted(BY_NAME)
			.toList()));
		out.end();
	}

	/** The entity's tokens of this kind, in the pickers' natural order of their names. */
	public TokenListing list(GrantKind kind, String entityOption) {
		Place place = kind.on().place(context, entityOption);
		List<ApiToken> ofKind = tokens.of(place)
			.stream()
			.filter(t -> kind.token().scope().equals(t.scope()))
			.sorted(BY_NAME)
			.toList();
		return new TokenListing(place, ofKind);
	}
}
