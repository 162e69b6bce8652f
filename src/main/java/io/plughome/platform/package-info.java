/**
 * The platform under the domain: typed configuration beans (MicroProfile Config), the schema
 * migrations applied at start-up before anything touches the database, health probes, the
 * clock, and small persistence helpers shared by every entity.
 */
package io.plughome.platform;
