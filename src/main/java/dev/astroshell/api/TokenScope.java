package dev.astroshell.api;

/** The scope an API token belongs to. */
public enum TokenScope {
	DEPLOYMENT, WORKSPACE, ORGANIZATION
}
