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
 * Registers the OCPP endpoint at {@code /ocpp/{chargePointId}} and at the seed's root form
 * {@code /{chargePointId}}, with the sub-protocols of every version adapter. Instances come from
 * CDI so they get their dependencies.
 */
public class OcppEndpoints implements ServerApplicationConfig {

    public static final List<String> PATHS = List.of("/ocpp/{" + OcppEndpoint.PATH_PARAM + "}",
            "/{" + OcppEndpoint.PATH_PARAM + "}");

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        List<String> protocols = adapters().supported();
        return Set.copyOf(PATHS.stream().map(path -> ServerEndpointConfig.Builder.create(OcppEndpoint.class, path)
                .subprotocols(protocols).configurator(new Negotiation()).build()).toList());
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
