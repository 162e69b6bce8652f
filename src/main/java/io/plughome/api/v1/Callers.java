package io.plughome.api.v1;

import io.plughome.control.Actor;
import jakarta.ws.rs.core.SecurityContext;

/** Who is calling, as {@link AuthFilter} established it. */
final class Callers {

    private Callers() {
    }

    static Actor actor(SecurityContext security) {
        String name = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
        return new Actor(name, security.isUserInRole(Role.ADMIN.wire()) ? Role.ADMIN.wire() : Role.VIEWER.wire());
    }
}
