package io.plughome.ocpp;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;

/**
 * The OCPP endpoint's configuration: the sub-protocols of every version adapter, and instances
 * from CDI so they get their dependencies. No path is registered with the container: every
 * upgrade goes through {@link OcppUpgradeFilter}, which checks it and then upgrades it itself
 * with the charger id it checked, so the container never reads a charger id from a path on its
 * own (its reading, normalised, was not the one the credentials had been checked for).
 */
public class OcppEndpoints implements ServerApplicationConfig {

    /** The endpoint's configuration for {@link jakarta.websocket.server.ServerContainer#upgradeHttpToWebSocket}. */
    static ServerEndpointConfig config() {
        return ServerEndpointConfig.Builder.create(OcppEndpoint.class, "/ocpp/{" + OcppEndpoint.PATH_PARAM + "}")
                .subprotocols(adapters().supported()).configurator(new Negotiation()).build();
    }

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }

    private static ProtocolAdapters adapters() {
        return CDI.current().select(ProtocolAdapters.class).get();
    }

    /** Sub-protocol choice by {@link ProtocolAdapters#negotiate}; endpoint instances from CDI. */
    static final class Negotiation extends ServerEndpointConfig.Configurator {

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            String chosen = adapters().negotiate(requested);
            return chosen == null ? "" : chosen;
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            // Refusals (unknown versions, and later credentials) happen before the upgrade, in
            // OcppUpgradeFilter, where an HTTP status can still be sent.
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return CDI.current().select(endpointClass).get();
        }
    }
}
