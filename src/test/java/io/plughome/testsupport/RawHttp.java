package io.plughome.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP written byte for byte on a plain socket, for what no well-behaved client sends: request
 * paths exactly as an attacker writes them (doubled slashes, dot segments, ';', raw UTF-8), a
 * chosen source address, a declared length the body never reaches.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status, the headers (names in lower case, the last of each) and what body arrived. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** A WebSocket upgrade of {@code rawPath} offering {@code protocol}, with Basic credentials when given. */
    public static Response upgrade(String rawPath, String protocol, String user, String password) {
        StringBuilder head = new StringBuilder("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: " + protocol + "\r\n");
        if (user != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        return exchange(null, head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code request} (head and whatever body) from {@code from} (null: any local address). */
    public static Response exchange(InetAddress from, byte[] request) {
        URI base = URI.create(TestServer.baseUrl());
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("Raw HTTP exchange failed: " + e, e);
        }
    }

    /** Reads a response head, and a body of its Content-Length (none after 101). */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new IOException("No HTTP answer: " + head.toString(StandardCharsets.ISO_8859_1));
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
                        .trim());
            }
        }
        String body = "";
        if (status != 101 && headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }
}
