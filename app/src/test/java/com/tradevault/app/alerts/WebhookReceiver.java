package com.tradevault.app.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server (the JDK's) standing in for the owner's webhook: it
 * records each POST, checks its HMAC-SHA256 signature with the shared secret
 * on its own, and can refuse the first requests with 503 (a channel outage).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(JsonNode json, String body, boolean signatureValid, long nanoTime) {
        public String event() {
            return json.path("event").asText();
        }
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next {@code n} requests are answered 503. */
    public void refuseNext(int n) {
        refuse.set(n);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 503, "down for maintenance");
            return;
        }
        String header = String.valueOf(ex.getRequestHeaders().getFirst("X-Tradevault-Signature"));
        boolean valid = header.equals("sha256=" + hmac(body));
        synchronized (received) {
            received.add(new Received(new ObjectMapper().readTree(body), new String(body, StandardCharsets.UTF_8),
                    valid, System.nanoTime()));
            received.notifyAll();
        }
        answer(ex, 204, "");
    }

    private static void answer(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests whose event is {@code event}. */
    public List<Received> of(String event) {
        return received().stream().filter(r -> r.event().equals(event)).toList();
    }

    /** Waits until a request of {@code event} arrived; false when {@code timeout} passed first. */
    public boolean await(String event, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (of(event).isEmpty()) {
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
