package io.plughome.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base URL each charger reached PlugHome at (http or https, the Host it used, the context
 * path), noted when its WebSocket connection opens: an upload or download link on the same
 * address is one the charger can reach.
 */
@ApplicationScoped
public class ChargerAddresses {

    private final Map<String, String> bases = new ConcurrentHashMap<>();

    public void connectedAt(String chargerId, String baseUrl) {
        bases.put(chargerId, baseUrl);
    }

    public Optional<String> of(String chargerId) {
        return Optional.ofNullable(bases.get(chargerId));
    }
}
