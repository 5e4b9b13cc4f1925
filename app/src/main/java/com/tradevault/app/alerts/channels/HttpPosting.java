package com.tradevault.app.alerts.channels;

import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body and returns the answer, turning every failure into a
 * {@link ChannelFailure} whose message names the channel and never the secret
 * (a Telegram URL holds the bot token).
 */
final class HttpPosting {

    private final HttpClient client;
    private final Duration timeout;
    private final String channel;
    private final Secret secret;

    HttpPosting(String channel, Duration timeout, Secret secret) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.channel = channel;
        this.secret = secret;
    }

    HttpResponse<String> post(URI uri, byte[] json, Map<String, String> headers) throws ChannelFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChannelFailure(channel + ": cannot reach " + secret.hideIn(uri.getHost()) + ":" + port(uri)
                    + " (" + e.getClass().getSimpleName() + ": " + secret.hideIn(e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure(channel + ": interrupted while sending");
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** The start of an answer's body, for a message: enough to see the reason, never a page. */
    static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
