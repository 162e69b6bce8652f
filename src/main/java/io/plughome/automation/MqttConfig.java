package io.plughome.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MQTT settings: off unless {@code PLUGHOME_MQTT_URL} is set ({@code mqtt://[user:password@]host:port},
 * {@code mqtts://} for TLS, with {@code PLUGHOME_MQTT_CA_FILE} for a private CA).
 */
@ApplicationScoped
public class MqttConfig {

    /** The broker, as the MQTT client wants it. */
    public record Broker(String serverUri, String user, char[] password, boolean tls, String shown) {
    }

    @Inject
    @ConfigProperty(name = "plughome.mqtt.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "plughome.mqtt.discovery.prefix", defaultValue = "homeassistant")
    String discoveryPrefix;

    @Inject
    @ConfigProperty(name = "plughome.mqtt.topic.prefix", defaultValue = "plughome")
    String topicPrefix;

    @Inject
    @ConfigProperty(name = "plughome.mqtt.ca.file")
    Optional<String> caFile;

    @Inject
    @ConfigProperty(name = "plughome.mqtt.client.id")
    Optional<String> clientId;

    private final String defaultClientId = "plughome-" + UUID.randomUUID().toString().substring(0, 8);

    public Optional<Broker> broker() {
        return url.filter(u -> !u.isBlank()).map(MqttConfig::parse);
    }

    /** Parses {@code mqtt://[user:password@]host[:port]} or {@code mqtts://...}; an IllegalArgumentException says what is wrong. */
    static Broker parse(String text) {
        URI uri = URI.create(text.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = switch (scheme) {
            case "mqtt", "tcp" -> false;
            case "mqtts", "ssl" -> true;
            default -> throw new IllegalArgumentException("PLUGHOME_MQTT_URL is mqtt://host:1883 or mqtts://host:8883,"
                    + " not " + text);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("PLUGHOME_MQTT_URL names no host: " + text);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        String user = null;
        char[] password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8).toCharArray() : null;
        }
        String server = (tls ? "ssl://" : "tcp://") + uri.getHost() + ":" + port;
        return new Broker(server, user, password, tls, (tls ? "mqtts://" : "mqtt://")
                + (user == null ? "" : user + "@") + uri.getHost() + ":" + port);
    }

    public String discoveryPrefix() {
        return discoveryPrefix;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public Optional<String> caFile() {
        return caFile.filter(f -> !f.isBlank());
    }

    public String clientId() {
        return clientId.filter(c -> !c.isBlank()).orElse(defaultClientId);
    }
}
