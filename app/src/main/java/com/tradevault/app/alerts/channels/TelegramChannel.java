package com.tradevault.app.alerts.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Delivers an alert to a Telegram chat through the Bot API's
 * {@code sendMessage} ({@code POST <api-url>/bot<token>/sendMessage} with a
 * JSON {@code chat_id} and {@code text}); delivered when the answer says
 * {@code "ok": true}. Plain text (no parse mode), so nothing in an alert can
 * break the markup.
 */
final class TelegramChannel implements AlertChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Telegram's limit on one message's text. */
    private static final int MAX_TEXT = 4096;

    private final AlertSettings.Telegram settings;
    private final Secret token;
    private final HttpPosting http;

    TelegramChannel(AlertSettings.Telegram settings, Secret token, Duration timeout) {
        this.settings = settings;
        this.token = token;
        this.http = new HttpPosting(name(), timeout, token);
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void deliver(Alert alert, Instant at) throws ChannelFailure {
        String text = alert.text();
        byte[] body = json(Map.of("chat_id", settings.chatId(),
                "text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
        HttpResponse<String> answer = http.post(sendMessage(), body, Map.of());
        JsonNode reply = parse(answer.body());
        if (!reply.path("ok").asBoolean(false)) {
            throw new ChannelFailure("telegram: the Bot API answered HTTP " + answer.statusCode() + ": "
                    + token.hideIn(reply.path("description").asText(HttpPosting.excerpt(answer.body())))
                    + retryAfter(reply));
        }
    }

    private URI sendMessage() {
        String base = settings.apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/bot" + token.reveal() + "/sendMessage");
    }

    private static String retryAfter(JsonNode reply) {
        JsonNode wait = reply.path("parameters").path("retry_after");
        return wait.isNumber() ? " (retry after " + wait.asInt() + " s)" : "";
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
