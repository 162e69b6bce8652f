package io.plughome.testsupport;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real MQTT broker (Moquette, in memory) for the integration tests: the build starts it on a
 * free port before the test servers, which connect to it, and writes {@code ready} when it
 * listens. It serves until the build ends.
 */
public final class TestBroker {

    private TestBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        Files.deleteIfExists(dir.resolve("ready"));
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", dir.toAbsolutePath().toString());
        p.setProperty("websocket_port", "disabled");
        p.setProperty("netty.mqtt.message_size", "65536");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p));
        System.out.println("[TestBroker] MQTT broker on 127.0.0.1:" + port);
        Files.writeString(dir.resolve("ready"), Integer.toString(port));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stopServer));
        Thread.currentThread().join();
    }
}
