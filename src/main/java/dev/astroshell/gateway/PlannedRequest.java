package dev.astroshell.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A write as a preview shows it: method, path as the server sees it, JSON body (null when it has none). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedRequest(String method, String path, Object body) {
}
