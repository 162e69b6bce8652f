/**
 * The versioned REST API under {@code /api/v1}: bearer-token authentication with the viewer and
 * admin roles, JSON problem errors, and one resource class per resource, with records as DTOs
 * (never entities on the wire) documented for {@code /openapi}.
 */
package io.plughome.api.v1;
