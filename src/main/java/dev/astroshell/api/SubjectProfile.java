package dev.astroshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Who created or updated something (schema BasicSubjectProfile). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectProfile(String id, String subjectType, String fullName, String username, String avatarUrl,
		String apiTokenName) {

	/** "Created by" shows the full name, else the API token's name. */
	public String displayName() {
		if (fullName != null && !fullName.isBlank()) {
			return fullName;
		}
		return apiTokenName != null ? apiTokenName : "";
	}
}
