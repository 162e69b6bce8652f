package io.plughome.platform;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting PlugHome reads, in one table: its name, the environment variable that sets it,
 * its default, what values it takes and what it does. {@link StartupCheck} checks each value
 * against it before anything else starts, and {@code docs/configuration.md} is generated from it
 * (a test keeps the two, and the code's {@code @ConfigProperty} names, in step).
 */
public final class Settings {

    /** Why a value cannot be used, in words for the owner; null when it can. */
    @FunctionalInterface
    public interface Check extends Function<String, String> {
    }

    /** One setting. {@code takes} says in a few words what values it takes ("1 to 3600 seconds"). */
    public record Setting(String key, String group, String defaultValue, String takes, String description,
            Check check) {

        /** The environment variable: the key in upper case with '_' for '.' and '-'. */
        public String env() {
            return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        /** What is wrong with this value, or null. */
        public String problem(String value) {
            return check.apply(value.trim());
        }
    }

    private Settings() {
    }

    // ---- checks

    static Check whole(long min, long max, String unit) {
        return v -> {
            try {
                long n = Long.parseLong(v);
                return n >= min && n <= max ? null : "is " + n + ", outside " + min + " to " + max + unit;
            } catch (NumberFormatException e) {
                return "is '" + v + "', not a whole number" + (unit.isEmpty() ? "" : " of" + unit);
            }
        };
    }

    static Check decimal(double min, double max, String unit) {
        return v -> {
            try {
                double n = Double.parseDouble(v);
                return n >= min && n <= max ? null : "is " + v + ", outside " + fmt(min) + " to " + fmt(max) + unit;
            } catch (NumberFormatException e) {
                return "is '" + v + "', not a number" + (unit.isEmpty() ? "" : " of" + unit);
            }
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Check oneOf(String... choices) {
        Set<String> allowed = Set.of(choices);
        return v -> allowed.contains(v.toLowerCase(Locale.ROOT)) ? null
                : "is '" + v + "', not one of " + String.join(", ", choices);
    }

    static final Check BOOLEAN = v -> Set.of("true", "false").contains(v.toLowerCase(Locale.ROOT)) ? null
            : "is '" + v + "', not true or false";

    static final Check ANY = v -> null;

    static final Check NOT_BLANK = v -> v.isEmpty() ? "is empty" : null;

    static final Check PORT = v -> {
        String p = whole(-1, 65535, "").apply(v);
        return p != null ? p : v.equals("0") ? "is 0; give a port from 1 to 65535 (-1 turns it off)" : null;
    };

    static final Check HTTP_PORT = v -> {
        String p = whole(1, 65535, "").apply(v);
        return p;
    };

    static final Check ZONE = v -> {
        if (v.isEmpty()) {
            return null;
        }
        try {
            ZoneId.of(v);
            return null;
        } catch (DateTimeException e) {
            return "is '" + v + "', not a time zone such as Europe/Berlin";
        }
    };

    static final Check HTTP_URL = v -> {
        if (v.isEmpty()) {
            return null;
        }
        try {
            URI u = URI.create(v);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null ? null
                    : "is '" + v + "', not an http:// or https:// address such as http://192.168.1.20:8080";
        } catch (IllegalArgumentException e) {
            return "is '" + v + "', not an address such as http://192.168.1.20:8080";
        }
    };

    static final Check MQTT_URL = v -> {
        if (v.isEmpty()) {
            return null;
        }
        try {
            URI u = URI.create(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("mqtt", "mqtts", "tcp", "ssl").contains(scheme)) {
                return "is '" + redact(v) + "', not mqtt://host:1883 or mqtts://host:8883";
            }
            return u.getHost() == null ? "names no host: '" + redact(v) + "'" : null;
        } catch (IllegalArgumentException e) {
            return "is not an address such as mqtt://user:password@192.168.1.5:1883 (a password with special"
                    + " characters needs them %-encoded)";
        }
    };

    static final Check DB_URL = v -> v.isEmpty() || v.startsWith("jdbc:h2:") || v.startsWith("jdbc:postgresql:") ? null
            : "is '" + redact(v) + "', not a jdbc:postgresql://host:5432/plughome (or jdbc:h2:file:...) URL";

    static final Check PROXIES = v -> {
        for (String entry : v.split(",")) {
            if (!entry.isBlank() && ClientAddresses.Cidr.parse(entry).isEmpty()) {
                return "holds '" + entry.trim() + "', not an IP address or CIDR such as 192.168.1.2 or 10.0.0.0/8";
            }
        }
        return null;
    };

    static final Check TOPIC_PREFIX = v -> v.isEmpty() || v.contains("+") || v.contains("#")
            ? "is '" + v + "'; a topic prefix is not empty and has no + or #" : null;

    static final Check TOKEN = v -> v.chars().anyMatch(Character::isWhitespace)
            ? "holds a space; a token is one word (random letters and digits are best)" : null;

    /** A URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }

    // ---- the table

    public static final List<Setting> ALL = List.of(
            // Network
            new Setting("port", "Network", "8080", "1 to 65535", "HTTP port: the dashboard, the API and ws:// for"
                    + " chargers.", HTTP_PORT),
            new Setting("addr", "Network", "0.0.0.0", "an address of this box, or 0.0.0.0 for all",
                    "The address PlugHome listens on.", NOT_BLANK),
            new Setting("plughome.https.port", "Network", "8443", "1 to 65535, or -1 for off",
                    "HTTPS port: https:// for the dashboard and API, wss:// for chargers (security profile 2).",
                    PORT),
            new Setting("plughome.public.url", "Network", "", "an http(s):// address",
                    "How chargers and Home Assistant reach this box (behind a proxy, say); by default the address"
                            + " each charger connected to, and this box's first LAN address for Home Assistant's"
                            + " link.", HTTP_URL),
            new Setting("plughome.lan.only", "Network", "false", "true or false",
                    "Refuse every request from outside private networks (RFC 1918, loopback, link-local, ULA).",
                    BOOLEAN),
            new Setting("plughome.trusted.proxies", "Network", "", "addresses or CIDRs, comma-separated",
                    "Reverse proxies whose X-Forwarded-For / Forwarded headers are believed. None by default.",
                    PROXIES),
            new Setting("plughome.max.connections.per.address", "Network", "100", "1 to 1000000",
                    "Open charger connections without a shared secret one address may hold (a charger that logs in with its secret is not counted).", whole(1, 1_000_000, "")),
            new Setting("plughome.max.arriving", "Network", "200", "1 to 1000000",
                    "Chargers let in at once that have not booted yet; more (and any while stored reports are"
                            + " behind) get HTTP 503 with Retry-After and come back later.", whole(1, 1_000_000, "")),
            // Data
            new Setting("plughome.data.dir", "Data", "./data", "a folder PlugHome may write",
                    "Where the database (H2), backups, TLS keys and charger files are kept.", NOT_BLANK),
            new Setting("plughome.db.url", "Data", "", "jdbc:postgresql://host:5432/db, or jdbc:h2:file:...",
                    "The database; empty is the H2 file in the data directory.", DB_URL),
            new Setting("plughome.db.user", "Data", "plughome", "a user name", "Database user.", ANY),
            new Setting("plughome.db.password", "Data", "plughome", "a password", "Database password.", ANY),
            new Setting("plughome.db.ack", "Data", "durable", "durable or commit",
                    "durable: a charger's message is answered once it is on disk. commit: right after the"
                            + " commit (benchmarks only; a crash may lose answered messages on H2).",
                    oneOf("durable", "commit")),
            new Setting("plughome.db.fsync", "Data", "false", "true or false",
                    "H2 only: also force the file to the disk (survives a power cut, costs more).", BOOLEAN),
            new Setting("plughome.max.file.mb", "Data", "200", "1 to 100000 MB",
                    "The largest diagnostics or firmware file taken.", whole(1, 100_000, " MB")),
            new Setting("plughome.files.quota.mb", "Data", "1024", "1 to 10000000 MB",
                    "All diagnostics and firmware files together.", whole(1, 10_000_000, " MB")),
            new Setting("plughome.readings.raw.days", "Data", "31", "0 to 36500 days",
                    "Meter readings are kept as sent for this long, then one per measurand per session per 15 minutes"
                            + " (energy and costs unchanged); 0 keeps every reading.", whole(0, 36_500, " days")),
            // Access
            new Setting("plughome.admin.token", "Access", "", "one word, 16 characters or more advised",
                    "An admin token of your choosing; without one, one is made and printed at the first start.",
                    TOKEN),
            new Setting("plughome.viewer.token", "Access", "", "one word, 16 characters or more advised",
                    "A read-only token of your choosing.", TOKEN),
            new Setting("plughome.events.streams.per.token", "Access", "10", "1 to 10000",
                    "Live event streams one token may hold open.", whole(1, 10_000, "")),
            new Setting("plughome.events.streams.max", "Access", "100", "1 to 100000",
                    "Live event streams in all.", whole(1, 100_000, "")),
            // Chargers
            new Setting("plughome.registration", "Chargers", "accept", "accept, pending or reject",
                    "What an unknown charger gets on its first connection.", oneOf("accept", "pending", "reject")),
            new Setting("plughome.authorization", "Chargers", "accept-all", "accept-all or list",
                    "accept-all: every idTag may charge. list: only idTags in PlugHome's list.",
                    oneOf("accept-all", "list")),
            new Setting("plughome.remote.id.tag", "Chargers", "PlugHome", "1 to 20 characters",
                    "The idTag a session started from PlugHome (dashboard, Home Assistant's switch) uses.",
                    v -> v.isEmpty() || v.length() > 20 ? "is " + v.length() + " characters; an idTag has 1 to 20"
                            : null),
            new Setting("plughome.heartbeat.interval", "Chargers", "300", "1 to 86400 seconds",
                    "The heartbeat interval chargers are told at boot.", whole(1, 86_400, " seconds")),
            new Setting("plughome.command.timeout", "Chargers", "30", "1 to 3600 seconds",
                    "How long a command waits for the charger's answer.", whole(1, 3600, " seconds")),
            new Setting("plughome.boot.trigger.seconds", "Chargers", "10", "0 to 3600 seconds",
                    "After a charger boots, ask it for its status this much later (0: at once).",
                    whole(0, 3600, " seconds")),
            new Setting("plughome.presence.grace.seconds", "Chargers", "60", "0 to 86400 seconds",
                    "A charger that went quiet is shown offline after this.", whole(0, 86_400, " seconds")),
            new Setting("plughome.presence.sweep.seconds", "Chargers", "30", "1 to 3600 seconds",
                    "How often quiet chargers are looked for.", whole(1, 3600, " seconds")),
            new Setting("plughome.ws.ping.seconds", "Chargers", "60", "0 to 3600 seconds",
                    "WebSocket ping interval (0: none).", whole(0, 3600, " seconds")),
            new Setting("plughome.ocpp.max-frame-bytes", "Chargers", "262144", "1024 to 16777216 bytes",
                    "The largest OCPP frame taken.", whole(1024, 16_777_216, " bytes")),
            new Setting("plughome.password.checks", "Chargers", "1", "1 to 64",
                    "Charger password checks (PBKDF2) run at once.", whole(1, 64, "")),
            // Smart charging
            new Setting("plughome.timezone", "Smart charging", "", "a time zone such as Europe/Berlin",
                    "The owner's time zone for charging windows and daily figures; by default the box's.", ZONE),
            new Setting("plughome.site.voltage", "Smart charging", "230", "100 to 480 V",
                    "Mains voltage, to turn watts into amperes.", decimal(100, 480, " V")),
            new Setting("plughome.site.phases", "Smart charging", "3", "1 or 3", "Phases of the supply.",
                    oneOf("1", "3")),
            new Setting("plughome.site.offline.grace", "Smart charging", "60", "0 to 86400 seconds",
                    "How long an offline charger keeps its share of the site limit.", whole(0, 86_400, " seconds")),
            new Setting("plughome.smart.sweep", "Smart charging", "300", "10 to 86400 seconds",
                    "How often limits are checked against what chargers hold.", whole(10, 86_400, " seconds")),
            new Setting("plughome.available.power.fallback", "Smart charging", "site-limit",
                    "site-limit or minimum", "When the house's spare power stops coming: the site limit,"
                            + " or the minimum current.", oneOf("site-limit", "minimum")),
            new Setting("plughome.available.power.timeout", "Smart charging", "120", "1 to 86400 seconds",
                    "Spare power is stale after this.", whole(1, 86_400, " seconds")),
            new Setting("plughome.available.power.hold", "Smart charging", "60", "0 to 3600 seconds",
                    "A change of spare power is applied after it held this long.", whole(0, 3600, " seconds")),
            new Setting("plughome.available.power.minimum", "Smart charging", "6", "0 to 80 A",
                    "Below this, a car is paused rather than charged slower.", decimal(0, 80, " A")),
            new Setting("plughome.available.power.step", "Smart charging", "1", "0.1 to 32 A",
                    "Limits move in steps of this.", decimal(0.1, 32, " A")),
            // Home automation
            new Setting("plughome.mqtt.url", "Home automation", "", "mqtt://[user:password@]host:1883 or mqtts://",
                    "The MQTT broker; off when empty.", MQTT_URL),
            new Setting("plughome.mqtt.ca.file", "Home automation", "", "a PEM file",
                    "The CA that signed an mqtts:// broker's certificate.", ANY),
            new Setting("plughome.mqtt.client.id", "Home automation", "", "text",
                    "MQTT client id; by default plughome- and eight random characters.", ANY),
            new Setting("plughome.mqtt.topic.prefix", "Home automation", "plughome", "a topic without + or #",
                    "PlugHome's topics start with this.", TOPIC_PREFIX),
            new Setting("plughome.mqtt.discovery.prefix", "Home automation", "homeassistant",
                    "Home Assistant's discovery prefix", "Where Home Assistant looks for devices.", TOPIC_PREFIX),
            new Setting("plughome.webhook.max.attempts", "Home automation", "12", "1 to 100",
                    "Attempts per webhook delivery.", whole(1, 100, "")),
            new Setting("plughome.webhook.retry.first.seconds", "Home automation", "5", "1 to 3600 seconds",
                    "The first retry's wait (doubling after).", whole(1, 3600, " seconds")),
            new Setting("plughome.webhook.retry.max.seconds", "Home automation", "3600", "1 to 86400 seconds",
                    "The longest wait between retries.", whole(1, 86_400, " seconds")),
            new Setting("plughome.webhook.timeout.seconds", "Home automation", "10", "1 to 300 seconds",
                    "How long a receiver may take to answer.", whole(1, 300, " seconds")),
            // TLS
            new Setting("plughome.tls.keystore", "TLS", "<data dir>/tls/plughome.p12", "a PKCS#12 file",
                    "Your own certificate and key; by default one made for this box.", ANY),
            new Setting("plughome.tls.keystore.password", "TLS", "", "the key store's password",
                    "The password of PLUGHOME_TLS_KEYSTORE.", ANY),
            new Setting("plughome.tls.ciphers", "TLS", "(OCPP's and modern AEAD suites)", "JSSE suite names",
                    "Replaces the TLS cipher suites offered (space-separated).", NOT_BLANK),
            // Running
            new Setting("plughome.log.format", "Running", "dev", "dev, simple or json",
                    "json: one JSON object per line in the log (for Loki, Elastic, journald).",
                    oneOf("dev", "simple", "json", "tbasic")),
            new Setting("plughome.debug", "Running", "false", "true or false",
                    "Stack traces with start-up errors, and more detail in the log.", BOOLEAN));

    /** The setting of this key, if PlugHome has one. */
    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** A problem with one setting's value: the variable, and what is wrong in plain words. */
    public record Problem(String env, String message) {
        public String line() {
            return env + " " + message;
        }
    }

    /** Every value that cannot be used, read through {@code lookup} (key -> value, if set). */
    public static List<Problem> problems(Function<String, Optional<String>> lookup) {
        List<Problem> problems = new ArrayList<>();
        for (Setting s : ALL) {
            Optional<String> value = lookup.apply(s.key());
            if (value.isEmpty()) {
                continue;
            }
            String problem = s.problem(value.get());
            if (problem != null) {
                String fix = s.defaultValue().isEmpty() ? "; give " + s.takes() + ", or remove it"
                        : "; give " + s.takes() + " (default " + s.defaultValue() + "), or remove it";
                problems.add(new Problem(s.env(), problem + fix));
            }
        }
        return problems;
    }
}
