/**
 * The Astro API v1 client: the JSON records, {@link dev.astroshell.api.AstroApi} and its WebClient implementation.
 * Knows nothing of the shell; its only setting is {@code AstroProperties} (checked by {@code ArchitectureTest}).
 * Endpoints are named E1–E15 and behave as described in docs/api.md (§1 transport, §2 schemas, §3 endpoints).
 */
package dev.astroshell.api;
