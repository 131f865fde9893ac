package dev.astroshell.api;

/** What a token role is granted on. */
public enum EntityType {
	ORGANIZATION, WORKSPACE, DEPLOYMENT, DAG, DAG_TAG
}
