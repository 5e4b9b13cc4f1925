package com.tradevault.app.exchange;

import com.tradevault.core.config.Durations;
import com.tradevault.core.config.SettingsReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the venue, read once from the {@code exchange} section.
 *
 * @param url             REST base URL; empty selects the in-process paper exchange
 * @param credentialsFile file with the API key and secret, when the environment has none
 * @param recvWindow      how long a signed request stays valid after its timestamp
 * @param requestTimeout  how long to wait for an answer
 * @param maxRetries      retries of a transient failure
 * @param retryBackoff    first wait before a retry, doubled each time
 */
public record ExchangeSettings(Optional<URI> url, Optional<Path> credentialsFile, Duration recvWindow,
                               Duration requestTimeout, int maxRetries, Duration retryBackoff) {

    /** Reads the {@code exchange} settings, collecting problems in {@code reader}. */
    public static ExchangeSettings read(SettingsReader reader) {
        Duration recvWindow = reader.durationBetween("exchange.recv-window", Duration.ofMillis(1),
                Durations.LONGEST);
        if (recvWindow.compareTo(Duration.ofSeconds(60)) > 0) {
            reader.problem("exchange.recv-window", "must be at most 60s (the venue's limit)", null);
        }
        return new ExchangeSettings(url(reader), reader.optionalPath("exchange.credentials-file"), recvWindow,
                reader.durationBetween("exchange.request-timeout", Duration.ofMillis(100), Duration.ofMinutes(10)),
                reader.intBetween("exchange.max-retries", 0, 10),
                reader.durationBetween("exchange.retry-backoff", Duration.ofMillis(10), Duration.ofHours(1)));
    }

    private static Optional<URI> url(SettingsReader reader) {
        String raw = reader.string("exchange.url").trim();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below with the rule
        }
        return reader.problem("exchange.url", "must be an http:// or https:// URL such as https://testnet.binance.vision",
                Optional.empty());
    }

    /** The same settings pointing at another base URL. */
    public ExchangeSettings withUrl(URI newUrl) {
        return new ExchangeSettings(Optional.of(newUrl), credentialsFile, recvWindow, requestTimeout, maxRetries,
                retryBackoff);
    }
}
