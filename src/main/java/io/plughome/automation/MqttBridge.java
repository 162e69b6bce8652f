package io.plughome.automation;

import io.plughome.authorization.IdToken;
import io.plughome.charger.Charger;
import io.plughome.charger.ChargerService;
import io.plughome.charger.Connector;
import io.plughome.charger.Presence;
import io.plughome.control.Actor;
import io.plughome.control.AuditLog;
import io.plughome.control.Command;
import io.plughome.control.CommandResult;
import io.plughome.control.ControlConfig;
import io.plughome.control.ControlService;
import io.plughome.control.Outcome;
import io.plughome.control.RequestIds;
import io.plughome.platform.DomainEvent;
import io.plughome.platform.JsonP;
import io.plughome.session.ChargingSession;
import io.plughome.session.SessionService;
import io.plughome.smart.ChargeOverride;
import io.plughome.smart.Effective;
import io.plughome.smart.Limit;
import io.plughome.smart.SmartCharging;
import io.plughome.smart.SmartRules;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * PlugHome on MQTT, for Home Assistant and other home automation: retained state topics per
 * charger and connector, command topics with the same rules (and audit) as the REST API, and
 * Home Assistant MQTT discovery so chargers appear with no YAML. Off unless PLUGHOME_MQTT_URL is
 * set.
 *
 * <p>A broker that is down or slow never slows OCPP handling: what is to be published goes into
 * a map of the newest payload per topic (bounded by the number of topics; a value replaced before
 * it was sent is counted as dropped) and is sent from a managed thread while connected. The
 * Eclipse Paho client reconnects by itself with backoff; the first connection is retried here.
 */
@ApplicationScoped
public class MqttBridge {

    private static final Logger LOG = Logger.getLogger(MqttBridge.class.getName());
    static final Actor ACTOR = new Actor("mqtt", "admin");
    static final int MAX_IN_FLIGHT = 100;
    private static final String ONLINE = "online";
    private static final String OFFLINE = "offline";

    /** How the bridge is doing, for the API and the dashboard. */
    public record Status(boolean enabled, boolean connected, String broker, String topicPrefix,
            String discoveryPrefix, long published, long dropped, String lastError) {
    }

    private record Outgoing(String payload, boolean retained) {
    }

    /** The Home Assistant entities of a charger, as component/key (see {@link #publishDiscovery}). */
    public static final List<String> ENTITIES = List.of("sensor/status", "sensor/power", "sensor/current",
            "sensor/session_energy", "sensor/total_energy", "sensor/fault", "switch/charge", "number/max_current",
            "button/override", "button/stop");

    /** What the status sensor can show (Home Assistant's enum sensor needs every value listed). */
    static final List<String> STATUS_OPTIONS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(io.plughome.charger.ConnectorState.values()).map(Enum::name),
            java.util.stream.Stream.of("Unknown")).toList();

    /** Home Assistant's number entity: this state payload resets it to "unknown" (no limit set). */
    static final String NO_LIMIT = "None";

    /** A charger's retained state topics under its base (connectors' come on top, see {@link #publishState}). */
    static final List<String> STATE_TOPICS = List.of("availability", "online", "status", "fault", "power", "current",
            "session_energy", "total_energy", "charging", "paused", "current_limit", "effective_limit", "session");

    @Inject
    MqttConfig config;

    @Inject
    ChargerService chargers;

    @Inject
    Presence presence;

    @Inject
    SessionService sessions;

    @Inject
    SmartRules rules;

    @Inject
    SmartCharging smart;

    @Inject
    io.plughome.smart.SmartConfig smartConfig;

    @Inject
    io.plughome.smart.AvailablePower availablePower;

    @Inject
    ControlService control;

    @Inject
    ControlConfig controlConfig;

    @Inject
    RequestIds requestIds;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    io.plughome.files.FilesConfig files;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    jakarta.enterprise.concurrent.ContextService contexts;

    /**
     * Runs work handed over by the MQTT client's own threads, which have no application context:
     * a proxy that takes this application's context (captured at start) to the managed executor.
     */
    private java.util.concurrent.Executor fromBroker;

    private volatile MqttAsyncClient client;
    private volatile MqttConfig.Broker broker;
    private final Map<String, Outgoing> pending = new LinkedHashMap<>();
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final java.util.Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Topic level -> charger id, for the command topics (see {@link MqttNames#segment}). */
    private final Map<String, String> idsBySegment = new ConcurrentHashMap<>();
    volatile String configurationUrl;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile String lastError;
    private volatile boolean stopping;
    private int retrySeconds = 1;

    void start(@Observes Startup startup) {
        Optional<MqttConfig.Broker> configured;
        try {
            configured = config.broker();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (configured.isEmpty()) {
            return;
        }
        broker = configured.get();
        try {
            client = new MqttAsyncClient(broker.serverUri(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("PLUGHOME_MQTT_URL: " + e.getMessage(), e);
        }
        java.util.concurrent.Executor submit = executor::execute;
        fromBroker = contexts.createContextualProxy(submit, java.util.concurrent.Executor.class);
        client.setCallback(new Callback());
        LOG.info(() -> "MQTT: connecting to " + broker.shown() + " as " + config.clientId());
        executor.execute(this::connect);
    }

    private MqttConnectOptions options() throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(60_000);
        o.setCleanSession(true);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        // Messages the broker has not acknowledged yet: beyond these the newest values wait (and replace each other,
        // counted as dropped) in the pending map, so a stuck broker holds at most this many in the client.
        o.setMaxInflight(MAX_IN_FLIGHT);
        o.setWill(config.topicPrefix() + "/status", OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        if (broker.user() != null) {
            o.setUserName(broker.user());
            if (broker.password() != null) {
                o.setPassword(broker.password());
            }
        }
        if (broker.tls() && config.caFile().isPresent()) {
            o.setSocketFactory(trusting(config.caFile().get()).getSocketFactory());
        }
        return o;
    }

    private static SSLContext trusting(String caFile) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = new FileInputStream(caFile)) {
            int n = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** The first connection (Paho reconnects by itself after that one succeeded). */
    private void connect() {
        if (stopping) {
            return;
        }
        try {
            client.connect(options()).waitForCompletion(15_000);
            retrySeconds = 1;
        } catch (Exception e) {
            lastError = String.valueOf(e.getMessage());
            int delay = retrySeconds;
            retrySeconds = Math.min(60, retrySeconds * 2);
            LOG.warning(() -> "MQTT: cannot connect to " + broker.shown() + " (" + e.getMessage() + "); again in "
                    + delay + " s");
            executor.schedule(this::connect, delay, TimeUnit.SECONDS);
        }
    }

    public Status status() {
        MqttAsyncClient c = client;
        return new Status(c != null, c != null && c.isConnected(), broker == null ? null : broker.shown(),
                config.topicPrefix(), config.discoveryPrefix(), published.get(), dropped.get(), lastError);
    }

    // ---- state out

    /** Every domain event is news for one charger: its topics are worked out again (on a managed thread). */
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        if (client == null || event.chargerId() == null) {
            return;
        }
        String id = event.chargerId();
        if (event instanceof io.plughome.charger.ChargerEvents.Removed) {
            executor.execute(() -> clear(id));
            return;
        }
        if (event instanceof io.plughome.session.SessionEvents.Meter m) {
            // The commonest event carries its own figures: no database work but the total.
            String base = base(id);
            if (m.powerW() != null) {
                publish(base + "/power", number(m.powerW()), true);
            }
            if (m.currentA() != null) {
                publish(base + "/current", number(m.currentA()), true);
            }
            if (m.energyWh() != null) {
                publish(base + "/session_energy", kwh(m.energyWh()), true);
            }
            executor.execute(() -> {
                try {
                    publish(base + "/total_energy", kwh(sessions.totalEnergyWh(id)), true);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "MQTT: total energy of " + id + " not published", e);
                }
            });
            return;
        }
        // A burst of other events for one charger is worked out once.
        if (!dirty.add(id)) {
            return;
        }
        executor.execute(() -> {
            dirty.remove(id);
            try {
                // Discovery too: a boot brings the device's vendor, model and firmware (unchanged configs are not resent).
                publishDiscovery(id);
                publishState(id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "MQTT: state of " + id + " not published", e);
            }
        });
    }

    /** A pause, limit or override changed: the charger's switch and number follow. */
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) io.plughome.smart.RulesChanged changed) {
        if (client == null || changed.chargerId() == null) {
            return;
        }
        String id = changed.chargerId();
        if (dirty.add(id)) {
            executor.execute(() -> {
                dirty.remove(id);
                try {
                    publishState(id);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "MQTT: state of " + id + " not published", e);
                }
            });
        }
    }

    /**
     * A removed charger leaves Home Assistant: an empty retained message on each of its discovery
     * topics removes the entity (and the device with its last entity), and empty ones on its state
     * topics clear what the broker kept. Queued like any other message, so a broker that is down
     * gets them when it is back.
     */
    void clear(String id) {
        clearDiscovery(node(id));
        clearLegacyDiscovery(id);
        String base = base(id);
        java.util.Set<String> topics = new java.util.TreeSet<>();
        for (String t : STATE_TOPICS) {
            topics.add(base + "/" + t);
        }
        for (String t : sent.keySet()) {
            if (t.startsWith(base + "/connector/")) {
                topics.add(t);
            }
        }
        synchronized (pending) {
            pending.keySet().stream().filter(t -> t.startsWith(base + "/connector/")).forEach(topics::add);
        }
        for (String t : topics) {
            publish(t, "", true);
        }
        dirty.remove(id);
    }

    private void clearDiscovery(String node) {
        for (String entity : ENTITIES) {
            publish(config.discoveryPrefix() + "/" + entity.replace("/", "/" + node + "/") + "/config", "", true);
        }
    }

    /** Entities an earlier build published under a squashed node id are removed from Home Assistant. */
    private void clearLegacyDiscovery(String id) {
        String legacy = MqttNames.legacyNode(id);
        if (!legacy.equals(node(id))) {
            clearDiscovery(legacy);
        }
    }

    private static String node(String chargerId) {
        return MqttNames.node(chargerId);
    }

    /** The charger's topics: {@code <prefix>/<segment>} (its id when that is plain, see {@link MqttNames}). */
    String base(String chargerId) {
        String segment = MqttNames.segment(chargerId);
        idsBySegment.put(segment, chargerId);
        return config.topicPrefix() + "/" + segment;
    }

    /** The charger a command topic's level names, if any. */
    private Optional<String> chargerOf(String segment) {
        String known = idsBySegment.get(segment);
        if (known != null && chargers.byId(known).isPresent()) {
            return Optional.of(known);
        }
        return chargers.all(0, 100_000).stream().map(Charger::id).filter(id -> MqttNames.segment(id).equals(segment))
                .findFirst();
    }

    /** The state topics of one charger, retained so a new subscriber has the present values. */
    void publishState(String id) {
        Optional<Charger> found = chargers.byId(id);
        if (found.isEmpty()) {
            return;
        }
        String base = base(id);
        boolean online = presence.isOnline(id);
        Optional<ChargingSession> session = sessions.activeOn(id);
        List<Connector> connectors = chargers.connectors(id);
        Connector first = connectors.stream().filter(c -> c.connectorId() != 0).findFirst().orElse(null);
        publish(base + "/availability", online ? ONLINE : OFFLINE, true);
        publish(base + "/online", Boolean.toString(online), true);
        publish(base + "/status", statusOf(first == null ? null : first.status()), true);
        String fault = connectors.stream().map(Connector::errorCode).filter(e -> e != null && !"NoError".equals(e))
                .findFirst().orElse("NoError");
        publish(base + "/fault", fault, true);
        publish(base + "/power", number(session.map(ChargingSession::powerW).orElse(0.0)), true);
        publish(base + "/current", number(session.map(ChargingSession::currentA).orElse(0.0)), true);
        publish(base + "/session_energy", kwh(session.map(ChargingSession::energyWh).orElse(0L)), true);
        publish(base + "/total_energy", kwh(sessions.totalEnergyWh(id)), true);
        boolean paused = rules.rules(id).paused();
        publish(base + "/charging", session.isPresent() && !paused ? "ON" : "OFF", true);
        publish(base + "/paused", Boolean.toString(paused), true);
        Limit own = rules.rules(id).limit();
        publish(base + "/current_limit", own == null ? NO_LIMIT : number(own.amps(smartSupply())), true);
        Effective effective = smart.effective(id);
        publish(base + "/effective_limit", effective == null || effective.limit() == null ? NO_LIMIT
                : number(effective.limit().amps(smartSupply())), true);
        publish(base + "/session", session.map(s -> JsonP.PROVIDER.createObjectBuilder().add("transactionId", s.transactionId())
                .add("connectorId", s.connectorId()).add("idTag", s.idTag() == null ? "" : s.idTag())
                .add("startedAt", String.valueOf(s.startedAt())).add("energyWh", s.energyWh() == null ? 0 : s.energyWh())
                .build().toString()).orElse("none"), true);
        for (Connector c : connectors) {
            if (c.connectorId() == 0) {
                continue;
            }
            String cb = base + "/connector/" + c.connectorId();
            publish(cb + "/status", statusOf(c.status()), true);
            publish(cb + "/fault", c.errorCode() == null ? "NoError" : c.errorCode(), true);
        }
    }

    /** A connector state Home Assistant's enum sensor knows ({@link #STATUS_OPTIONS}). */
    static String statusOf(String status) {
        return status != null && STATUS_OPTIONS.contains(status) ? status : "Unknown";
    }

    private io.plughome.smart.Electrical smartSupply() {
        return smartConfig.supply();
    }

    private static String number(Double value) {
        double v = value == null ? 0 : value;
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 10) / 10.0);
    }

    private static String kwh(Long wh) {
        return String.format(java.util.Locale.ROOT, "%.3f", (wh == null ? 0 : wh) / 1000.0);
    }

    /**
     * Home Assistant discovery for one charger: a device with its sensors, switch, number and
     * buttons, in the form Home Assistant 2025.10 and later take without warnings
     * ({@code default_entity_id}, {@code origin}, entity categories, an enum status). Only total
     * energy is offered to the Energy dashboard: session energy starts again at 0 with every
     * session, so it has no state class (it would count the same energy twice).
     */
    void publishDiscovery(String id) {
        Optional<Charger> found = chargers.byId(id);
        if (found.isEmpty()) {
            return;
        }
        for (Map.Entry<String, jakarta.json.JsonObject> e : discoveryPayloads(found.get()).entrySet()) {
            publish(e.getKey(), e.getValue().toString(), true);
        }
    }

    /** Discovery topic -> config payload, for every entity of one charger. */
    Map<String, jakarta.json.JsonObject> discoveryPayloads(Charger c) {
        String id = c.id();
        String node = node(id);
        String base = base(id);
        JsonObjectBuilder device = JsonP.PROVIDER.createObjectBuilder().add("identifiers", JsonP.PROVIDER.createArrayBuilder().add(node))
                .add("name", c.name() != null ? c.name() : id).add("manufacturer", text(c.vendor()))
                .add("model", text(c.model())).add("sw_version", text(c.firmwareVersion()));
        if (c.serialNumber() != null) {
            device.add("serial_number", c.serialNumber());
        }
        String configuration = configurationUrl();
        if (configuration != null) {
            device.add("configuration_url", configuration);
        }
        Discovery d = new Discovery(node, base, device.build(), new LinkedHashMap<>());
        d.entity("sensor", "status", "Status", base + "/status", e -> e.add("icon", "mdi:ev-station")
                .add("device_class", "enum").add("options", JsonP.PROVIDER.createArrayBuilder(STATUS_OPTIONS)));
        d.entity("sensor", "power", "Power", base + "/power",
                e -> e.add("device_class", "power").add("unit_of_measurement", "W").add("state_class", "measurement"));
        d.entity("sensor", "current", "Current", base + "/current",
                e -> e.add("device_class", "current").add("unit_of_measurement", "A").add("state_class", "measurement"));
        d.entity("sensor", "session_energy", "Session energy", base + "/session_energy",
                e -> e.add("device_class", "energy").add("unit_of_measurement", "kWh"));
        d.entity("sensor", "total_energy", "Total energy", base + "/total_energy",
                e -> e.add("device_class", "energy").add("unit_of_measurement", "kWh")
                        .add("state_class", "total_increasing"));
        d.entity("sensor", "fault", "Fault", base + "/fault",
                e -> e.add("icon", "mdi:alert").add("entity_category", "diagnostic"));
        d.entity("switch", "charge", "Charging", base + "/charging",
                e -> e.add("command_topic", base + "/set/charge").add("payload_on", "ON").add("payload_off", "OFF"));
        d.entity("number", "max_current", "Max current", base + "/current_limit",
                e -> e.add("command_topic", base + "/set/current_limit").add("min", 0).add("max", 80).add("step", 1)
                        .add("mode", "box").add("unit_of_measurement", "A").add("device_class", "current")
                        .add("payload_reset", NO_LIMIT).add("entity_category", "config"));
        d.entity("button", "override", "Charge now", null,
                e -> e.add("command_topic", base + "/set/override").add("payload_press", "PRESS"));
        d.entity("button", "stop", "Stop charging", null,
                e -> e.add("command_topic", base + "/set/stop").add("payload_press", "PRESS"));
        return d.payloads();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** One charger's discovery payloads as they are made. */
    private final class Discovery {
        private final String node;
        private final String base;
        private final jakarta.json.JsonObject device;
        private final Map<String, jakarta.json.JsonObject> payloads;

        Discovery(String node, String base, jakarta.json.JsonObject device, Map<String, jakarta.json.JsonObject> out) {
            this.node = node;
            this.base = base;
            this.device = device;
            this.payloads = out;
        }

        void entity(String component, String key, String name, String stateTopic,
                java.util.function.Consumer<JsonObjectBuilder> extra) {
            JsonObjectBuilder entity = JsonP.PROVIDER.createObjectBuilder().add("name", name).add("unique_id", node + "_" + key)
                    .add("default_entity_id", MqttNames.entityId(component, node, key)).add("device", device)
                    .add("origin", JsonP.PROVIDER.createObjectBuilder().add("name", "PlugHome")
                            .add("sw_version", io.plughome.platform.Build.version()))
                    .add("availability", JsonP.PROVIDER.createArrayBuilder()
                            .add(JsonP.PROVIDER.createObjectBuilder().add("topic", base + "/availability"))
                            .add(JsonP.PROVIDER.createObjectBuilder().add("topic", config.topicPrefix() + "/status")))
                    .add("availability_mode", "all");
            if (stateTopic != null) {
                entity.add("state_topic", stateTopic);
            }
            extra.accept(entity);
            payloads.put(config.discoveryPrefix() + "/" + component + "/" + node + "/" + key + "/config",
                    entity.build());
        }

        Map<String, jakarta.json.JsonObject> payloads() {
            return payloads;
        }
    }

    /**
     * Where Home Assistant's "visit" link on the device points: PLUGHOME_PUBLIC_URL, or this box's
     * first LAN address on the HTTP port; null when neither is known.
     */
    private String configurationUrl() {
        String known = configurationUrl;
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String url = files.publicUrl().map(u -> u + "/").orElseGet(() -> {
            String port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("port", String.class).orElse("8080");
            return io.plughome.platform.LanAddresses.first().map(a -> "http://" + a + ":" + port + "/").orElse("");
        });
        configurationUrl = url;
        return url.isEmpty() ? null : url;
    }

    /** Discovery and state of every charger (on connecting, and when Home Assistant comes back). */
    void publishAll() {
        sent.clear();
        for (Charger c : chargers.all(0, 100_000)) {
            try {
                clearLegacyDiscovery(c.id());
                publishDiscovery(c.id());
                publishState(c.id());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "MQTT: " + c.id() + " not published", e);
            }
        }
    }

    /** Queues a payload for a topic (newest wins); unchanged retained values are not sent again. */
    void publish(String topic, String payload, boolean retained) {
        if (retained && payload.equals(sent.get(topic))) {
            return;
        }
        synchronized (pending) {
            if (pending.put(topic, new Outgoing(payload, retained)) != null) {
                dropped.incrementAndGet();
            }
        }
        drainSoon();
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            MqttAsyncClient c = client;
            while (c != null && c.isConnected()) {
                Map.Entry<String, Outgoing> next;
                synchronized (pending) {
                    var it = pending.entrySet().iterator();
                    if (!it.hasNext()) {
                        break;
                    }
                    next = it.next();
                    it.remove();
                }
                try {
                    MqttMessage m = new MqttMessage(next.getValue().payload().getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    m.setRetained(next.getValue().retained());
                    c.publish(next.getKey(), m);
                    published.incrementAndGet();
                    if (next.getValue().retained()) {
                        sent.put(next.getKey(), next.getValue().payload());
                    }
                } catch (MqttException e) {
                    synchronized (pending) {
                        pending.putIfAbsent(next.getKey(), next.getValue());
                    }
                    lastError = e.getMessage();
                    break;
                }
            }
        } finally {
            draining.set(false);
        }
        boolean more;
        synchronized (pending) {
            more = !pending.isEmpty();
        }
        if (more && client != null && client.isConnected()) {
            executor.schedule(this::drainSoon, 200, TimeUnit.MILLISECONDS);
        }
    }

    // ---- commands in

    private void command(String topic, String payload) {
        // <prefix>/<charger id>/set/<command>
        String rest = topic.substring(config.topicPrefix().length() + 1);
        int set = rest.lastIndexOf("/set/");
        if (set <= 0) {
            return;
        }
        String segment = rest.substring(0, set);
        String name = rest.substring(set + 5);
        String value = payload.trim();
        Optional<String> charger = chargerOf(segment);
        if (charger.isEmpty()) {
            publish(config.topicPrefix() + "/" + segment + "/result", JsonP.PROVIDER.createObjectBuilder().add("command", name)
                    .add("status", "Error").add("message", "Unknown charger " + segment)
                    .add("at", clock.instant().toString()).build().toString(), false);
            return;
        }
        String id = charger.get();
        switch (name) {
            case "start" -> start(id, name, value);
            case "stop" -> stop(id, name);
            case "charge" -> {
                if (value.equalsIgnoreCase("ON")) {
                    chargeOn(id, name);
                } else if (value.equalsIgnoreCase("OFF")) {
                    chargeOff(id, name);
                } else {
                    result(id, name, "Error", "charge takes ON or OFF, not '" + value + "'");
                }
            }
            case "current_limit" -> limit(id, name, value);
            case "override" -> {
                rules.setOverride(id, new ChargeOverride(value.equalsIgnoreCase("OFF") ? clock.instant() : null));
                audit.record(ACTOR, id, "Override", Map.of("via", "mqtt", "payload", value), Outcome.ACCEPTED, null,
                        null);
                result(id, name, "Accepted", null);
            }
            default -> result(id, name, "Error", "Unknown command " + name
                    + "; known: start, stop, charge, current_limit, override");
        }
    }

    /**
     * The charge switch on: a paused session goes on; with no session, one starts with the owner's
     * default idTag (PLUGHOME_REMOTE_ID_TAG).
     */
    private void chargeOn(String id, String name) {
        boolean resumed = rules.setPaused(id, false);
        if (resumed) {
            audit.record(ACTOR, id, "Resume", Map.of("via", "mqtt"), Outcome.ACCEPTED, null, null);
        }
        if (sessions.activeOn(id).isPresent()) {
            result(id, name, "Accepted", resumed ? null : "already charging");
        } else {
            start(id, name, "");
        }
    }

    /** The charge switch off: the session pauses at 0 A (the car stays plugged in); stop ends it. */
    private void chargeOff(String id, String name) {
        if (sessions.activeOn(id).isEmpty()) {
            result(id, name, "Accepted", "not charging");
            return;
        }
        if (rules.setPaused(id, true)) {
            audit.record(ACTOR, id, "Pause", Map.of("via", "mqtt"), Outcome.ACCEPTED, null, null);
        }
        result(id, name, "Accepted", null);
    }

    private void start(String id, String name, String idTag) {
        String tag = idTag.isEmpty() || idTag.equalsIgnoreCase("ON") || idTag.equalsIgnoreCase("PRESS")
                ? controlConfig.remoteIdTag() : idTag;
        if (tag.length() > 20) {
            result(id, name, "Error", "an idTag has at most 20 characters");
            return;
        }
        run(id, name, new Command.RemoteStart(null, new IdToken(tag, IdToken.CENTRAL), requestIds.next()));
    }

    private void stop(String id, String name) {
        Optional<ChargingSession> active = sessions.activeOn(id);
        if (active.isEmpty()) {
            result(id, name, "Error", "Charger " + id + " has no active transaction");
            return;
        }
        run(id, name, new Command.RemoteStop(active.get().transactionId()));
    }

    private void limit(String id, String name, String value) {
        Limit limit;
        if (value.isEmpty() || value.equalsIgnoreCase(NO_LIMIT)) {
            limit = null;
        } else {
            double amps;
            try {
                amps = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                result(id, name, "Error", "current_limit takes a number of amperes, not '" + value + "'");
                return;
            }
            if (!(amps >= 0 && amps <= 1000)) {
                result(id, name, "Error", "current_limit is 0 to 1000 A");
                return;
            }
            limit = Limit.amps(amps);
        }
        rules.setLimit(id, limit);
        audit.record(ACTOR, id, limit == null ? "ClearLimit" : "SetLimit", Map.of("via", "mqtt", "payload", value),
                Outcome.ACCEPTED, null, null);
        result(id, name, "Accepted", null);
    }

    private void run(String id, String name, Command command) {
        control.execute(ACTOR, id, command).whenComplete((CommandResult r, Throwable error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof io.plughome.control.CommandFailure f) {
                result(id, name, f.outcome().wire(), f.getMessage());
            } else if (cause != null) {
                result(id, name, "Error", String.valueOf(cause.getMessage()));
            } else if (r.failure() != null) {
                result(id, name, r.outcome().wire(), r.failure().getMessage());
            } else {
                result(id, name, r.reply().status(), null);
            }
        });
    }

    /** The answer to a command, on {@code <prefix>/<charger>/result} (not retained). */
    private void result(String id, String command, String outcome, String message) {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder().add("command", command).add("status", outcome)
                .add("at", clock.instant().toString());
        if (message != null) {
            b.add("message", message);
        }
        publish(base(id) + "/result", b.build().toString(), false);
    }

    /**
     * The house's spare power from MQTT, as the REST API takes it: a number (W), or JSON
     * {@code {"powerW": N}} or {@code {"currentA": N}}. A bad payload is answered on
     * {@code <prefix>/site/result}.
     */
    private void availablePower(String payload) {
        String text = payload.trim();
        Double watts = null;
        Double amps = null;
        try {
            if (text.startsWith("{")) {
                jakarta.json.JsonObject o = JsonP.PROVIDER.createReader(new java.io.StringReader(text)).readObject();
                watts = o.containsKey("powerW") && !o.isNull("powerW") ? o.getJsonNumber("powerW").doubleValue() : null;
                amps = o.containsKey("currentA") && !o.isNull("currentA") ? o.getJsonNumber("currentA").doubleValue()
                        : null;
            } else {
                watts = Double.parseDouble(text);
            }
        } catch (RuntimeException e) {
            watts = null;
            amps = null;
        }
        boolean one = (watts == null) != (amps == null);
        double v = watts != null ? watts : amps != null ? amps : -1;
        if (!one || !(v >= 0 && v <= (watts != null ? 1_000_000 : 1000))) {
            publish(config.topicPrefix() + "/site/result", JsonP.PROVIDER.createObjectBuilder().add("command", "available_power")
                    .add("status", "Error").add("message", "a number of watts, or {\"powerW\": N} or {\"currentA\": N},"
                            + " not '" + text + "'").add("at", clock.instant().toString()).build().toString(), false);
            return;
        }
        if (availablePower.report(watts, amps)) {
            smart.reconcile();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.publish(config.topicPrefix() + "/status", OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true)
                            .waitForCompletion(2000);
                    c.disconnect().waitForCompletion(2000);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.log(Level.FINE, "MQTT: closing", e);
            }
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info(() -> "MQTT: " + (reconnect ? "reconnected to " : "connected to ") + broker.shown());
            lastError = null;
            fromBroker.execute(() -> {
                try {
                    MqttAsyncClient c = client;
                    c.subscribe(new String[] {config.topicPrefix() + "/+/set/+", config.discoveryPrefix() + "/status",
                        config.topicPrefix() + "/site/available_power"}, new int[] {1, 1, 1});
                    MqttMessage online = new MqttMessage(ONLINE.getBytes(StandardCharsets.UTF_8));
                    online.setQos(1);
                    online.setRetained(true);
                    c.publish(config.topicPrefix() + "/status", online);
                    publishAll();
                } catch (Exception e) {
                    lastError = e.getMessage();
                    LOG.log(Level.WARNING, "MQTT: setting up after connecting failed", e);
                }
            });
        }

        @Override
        public void connectionLost(Throwable cause) {
            lastError = String.valueOf(cause.getMessage());
            LOG.warning(() -> "MQTT: connection to " + broker.shown() + " lost (" + cause.getMessage()
                    + "); reconnecting");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            fromBroker.execute(() -> {
                try {
                    if (topic.equals(config.discoveryPrefix() + "/status")) {
                        if (ONLINE.equalsIgnoreCase(payload.trim())) {
                            LOG.info("MQTT: Home Assistant came online; sending discovery again");
                            publishAll();
                        }
                    } else if (topic.equals(config.topicPrefix() + "/site/available_power")) {
                        availablePower(payload);
                    } else if (!message.isRetained()) {
                        command(topic, payload);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "MQTT: " + topic + " failed", e);
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 acknowledged: room for one more in flight.
            boolean more;
            synchronized (pending) {
                more = !pending.isEmpty();
            }
            if (more && !draining.get()) {
                fromBroker.execute(MqttBridge.this::drainSoon);
            }
        }
    }
}
