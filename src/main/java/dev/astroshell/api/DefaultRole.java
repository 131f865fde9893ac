package dev.astroshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A built-in role such as DEPLOYMENT_ADMIN. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefaultRole(String name, String description, List<String> permissions, String scopeType) {
}
