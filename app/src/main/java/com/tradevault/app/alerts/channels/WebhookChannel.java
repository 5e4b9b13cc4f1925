package com.tradevault.app.alerts.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.Secret;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers an alert as a JSON POST; the body is signed with HMAC-SHA256
 * under the configured secret, in {@value #SIGNATURE_HEADER} as
 * {@code sha256=<hex>}, so the receiver can tell it came from this bot. Any
 * 2xx answer counts as delivered.
 */
final class WebhookChannel implements AlertChannel {

    /** The header carrying the body's signature. */
    static final String SIGNATURE_HEADER = "X-Tradevault-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Secret secret;
    private final HttpPosting http;

    WebhookChannel(AlertSettings.Webhook settings, Secret secret, Duration timeout) {
        this.url = settings.url();
        this.secret = secret;
        this.http = new HttpPosting(name(), timeout, secret);
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(Alert alert, Instant at) throws ChannelFailure {
        byte[] body = body(alert, at);
        HttpResponse<String> answer = http.post(url, body, Map.of(SIGNATURE_HEADER, "sha256=" + sign(secret, body),
                "User-Agent", "tradevault-alerts"));
        if (answer.statusCode() / 100 != 2) {
            throw new ChannelFailure("webhook: " + url.getHost() + " answered HTTP " + answer.statusCode() + " "
                    + HttpPosting.excerpt(answer.body()));
        }
    }

    /** The JSON body: the alert's fields, snake_case, and when the event was recorded. */
    static byte[] body(Alert alert, Instant at) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", alert.event());
        fields.put("condition", alert.condition());
        fields.put("state", alert.state().name().toLowerCase(java.util.Locale.ROOT));
        fields.put("severity", alert.severityName());
        fields.put("title", alert.title());
        fields.put("detail", alert.detail());
        fields.put("next_step", alert.nextStep());
        fields.put("at", at.toString());
        fields.put("text", alert.text());
        try {
            return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** HMAC-SHA256 of {@code body} under the secret, in lower-case hex. */
    static String sign(Secret secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
