package dev.astroshell.token;

import java.util.List;

import dev.astroshell.api.ApiToken;

/** A token list and the deployment whose roles its table shows. */
public record TokenListing(String deploymentId, List<ApiToken> tokens) {
}
