package dev.astroshell.session;

/** Published whenever the active context changes: login, logout, context/organization/workspace/deployment switch. */
public record SessionChangedEvent(SessionContext context) {
}
