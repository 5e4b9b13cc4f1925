package com.tradevault.installer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook on the host (the JDK's HTTP server on 127.0.0.1, which the
 * container shares), checking each POST's {@code X-Tradevault-Signature} with
 * the shared secret on its own.
 */
final class HostWebhook implements AutoCloseable {

    /** One POST as received. */
    record Received(String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new ArrayList<>();

    HostWebhook(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = ("sha256=" + hmac(body)).equals(ex.getRequestHeaders().getFirst("X-Tradevault-Signature"));
        synchronized (received) {
            received.add(new Received(new String(body, StandardCharsets.UTF_8), valid));
            received.notifyAll();
        }
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for the first POST; false when {@code timeout} passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
