package io.plughome.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The OCPP versions this server speaks, and the sub-protocol negotiation: the first entry of the
 * client's list that we speak wins; a client that sends no list is served as OCPP 1.6 (some
 * chargers omit the header).
 */
@ApplicationScoped
public class ProtocolAdapters {

    public static final String DEFAULT_PROTOCOL = "ocpp1.6";

    @Inject
    Instance<ProtocolAdapter> adapters;

    public List<String> supported() {
        return adapters.stream().map(ProtocolAdapter::subprotocol).sorted().toList();
    }

    public Optional<ProtocolAdapter> forProtocol(String subprotocol) {
        String wanted = subprotocol == null || subprotocol.isEmpty() ? DEFAULT_PROTOCOL : subprotocol;
        return adapters.stream().filter(a -> a.subprotocol().equals(wanted)).findFirst();
    }

    /**
     * The sub-protocol to answer for a client's offer: empty when the client offered none (then
     * 1.6 is spoken without the header), null when it offered only versions we do not speak.
     */
    public String negotiate(List<String> offered) {
        if (offered == null || offered.isEmpty()) {
            return "";
        }
        List<String> supported = supported();
        return offered.stream().map(String::trim).filter(supported::contains).findFirst().orElse(null);
    }
}
