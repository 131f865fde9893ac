package dev.astroshell.token;

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

	TokenLists(TokenContext context, Tokens tokens) {
		this.context = context;
		this.tokens = tokens;
	}

	/**
	 * Every token with a role on the deployment ({@code --deployment-id}, else the current one), all scopes, written
	 * page by page as it arrives to the writer made for that deployment; only the summaries are kept (in the cache).
	 * Each page is in the pickers' natural order: a list streamed without being held whole can sort only its page.
	 */
	public void list(String deploymentIdOption, Function<String, Renderer.ListWriter<ApiToken>> writerFor) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		Renderer.ListWriter<ApiToken> out = writerFor.apply(deploymentId);
		tokens.eachPageOfDeployment(deploymentId, page -> out.page(page.stream().sorted(BY_NAME).toList()));
		out.end();
	}

	/** The deployment's tokens of this kind, in the pickers' natural order of their names. */
	public TokenListing list(GrantKind kind, String deploymentIdOption) {
		String deploymentId = context.deploymentId(deploymentIdOption);
		List<ApiToken> ofKind = tokens.ofDeployment(deploymentId).stream()
			.filter(t -> kind.scope.equals(t.scope()))
			.sorted(BY_NAME)
			.toList();
		return new TokenListing(deploymentId, ofKind);
	}
}
