package dev.astroshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a token role is granted on; an entity type Astro adds later is kept as its text. */
public final class EntityType extends OpenValue {

	public static final EntityType ORGANIZATION = new EntityType("ORGANIZATION");

	public static final EntityType WORKSPACE = new EntityType("WORKSPACE");

	public static final EntityType DEPLOYMENT = new EntityType("DEPLOYMENT");

	public static final EntityType DAG = new EntityType("DAG");

	public static final EntityType DAG_TAG = new EntityType("DAG_TAG");

	private static final List<EntityType> KNOWN = List.of(ORGANIZATION, WORKSPACE, DEPLOYMENT, DAG, DAG_TAG);

	private EntityType(String name) {
		super(name);
	}

	@JsonCreator
	public static EntityType of(String name) {
		return of(KNOWN, name, EntityType::new);
	}
}
