package dev.astroshell.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of E4 (UpdateApiTokenRequest). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateTokenRequest(String name, String description) {
}
