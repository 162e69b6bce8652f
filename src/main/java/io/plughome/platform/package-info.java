/**
 * The platform under the domain: typed configuration beans (MicroProfile Config), the schema
 * migrations applied at start-up before anything touches the database, health probes, the
 * clock, and small persistence helpers shared by every entity; and the edge every request
 * passes first: who the client is (trusted proxies), LAN-only, security headers, and the
 * owner-only data directory with its key store.
 */
package io.plughome.platform;
