package dev.astroshell.token;

import java.util.List;

import dev.astroshell.api.ApiToken;

/** A token list and the entity whose roles its table shows. */
public record TokenListing(Place place, List<ApiToken> tokens) {
}
