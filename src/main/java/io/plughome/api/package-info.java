/**
 * The HTTP edge outside the versioned API: the root document ({@code GET /}) that plain health
 * checks and browsers hit.
 */
package io.plughome.api;
