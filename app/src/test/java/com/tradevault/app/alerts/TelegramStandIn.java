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
import java.util.List;

/**
 * A local stand-in for the Telegram Bot API, answering {@code sendMessage} as
 * the Bot API documents it: {@code POST /bot<token>/sendMessage} with a JSON
 * {@code chat_id} and {@code text}; {@code {"ok":true,"result":{...}}} on
 * success, {@code {"ok":false,"error_code":401,"description":"Unauthorized"}}
 * for a wrong token, 400 "Bad Request: chat not found" for an unknown chat.
 */
public final class TelegramStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String token;
    private final String chatId;
    private final List<String> texts = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    public TelegramStandIn(String token, String chatId) throws IOException {
        this.token = token;
        this.chatId = chatId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        JsonNode body = json.readTree(ex.getRequestBody().readAllBytes());
        if (!path.equals("/bot" + token + "/sendMessage") || !"POST".equals(ex.getRequestMethod())) {
            answer(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        } else if (!body.path("chat_id").asText().equals(chatId) || body.path("text").asText().isEmpty()) {
            answer(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        } else {
            synchronized (texts) {
                texts.add(body.path("text").asText());
                texts.notifyAll();
            }
            answer(ex, 200, "{\"ok\":true,\"result\":{\"message_id\":" + texts.size() + ",\"chat\":{\"id\":"
                    + chatId + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\"...\"}}");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    public List<String> texts() {
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    /** Waits until a message containing {@code part} arrived. */
    public boolean await(String part, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (texts) {
            while (texts.stream().noneMatch(t -> t.contains(part))) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                texts.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
