package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.UnknownOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance REST transport: signs requests (timestamp corrected by the measured
 * server time offset, recvWindow, HMAC-SHA256), retries with doubling backoff
 * only what cannot have been executed (connection refused, 429/418 after their
 * Retry-After, -1021 after re-measuring the clock offset, and any failure of a
 * read-only request), and reports a state-changing request whose answer was
 * lost (timeout, dropped connection, 5xx) as {@link UnknownOutcome}.
 */
final class BinanceHttp {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final URI base;
    private final Optional<ApiCredentials> credentials;
    private final ExchangeSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private volatile Optional<Long> offsetMillis = Optional.empty();

    BinanceHttp(URI base, Optional<ApiCredentials> credentials, ExchangeSettings settings, Clock clock) {
        this.base = base;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    /** A failure that may be retried: nothing was executed. */
    private static final class Retryable extends Exception {
        final ExchangeUnavailable failure;
        final Optional<Duration> wait;

        Retryable(ExchangeUnavailable failure, Optional<Duration> wait) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.wait = wait;
        }
    }

    JsonNode get(String path, Map<String, String> params) {
        return send("GET", path, params, false);
    }

    JsonNode signed(String method, String path, Map<String, String> params) {
        return send(method, path, params, true);
    }

    private JsonNode send(String method, String path, Map<String, String> params, boolean signed) {
        for (int attempt = 0; ; attempt++) {
            try {
                return once(method, path, params, signed);
            } catch (Retryable r) {
                if (attempt >= settings.maxRetries()) {
                    throw r.failure;
                }
                pause(r.wait.orElse(settings.retryBackoff().multipliedBy(1L << Math.min(attempt, 10))));
            }
        }
    }

    private JsonNode once(String method, String path, Map<String, String> params, boolean signed) throws Retryable {
        String what = method + " " + path;
        String query = signed ? signedQuery(params) : query(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(settings.requestTimeout()).method(method, HttpRequest.BodyPublishers.noBody());
        credentials.ifPresent(c -> request.header("X-MBX-APIKEY", c.apiKey()));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> response = exchange(request.build(), what, !method.equals("GET"));
        LOG.debug("{} -> HTTP {}", what, response.statusCode());
        return answer(response, what, !method.equals("GET"));
    }

    private HttpResponse<String> exchange(HttpRequest request, String what, boolean changesState) throws Retryable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Retryable(new ExchangeUnavailable("cannot connect to " + base + " for " + what + ": " + e,
                    Optional.empty(), e), Optional.empty());
        } catch (IOException e) {
            if (changesState) {
                throw new UnknownOutcome(what + " sent to " + base + " but no answer came back (" + e
                        + "); ask for the order by client id before sending it again", e);
            }
            throw new Retryable(new ExchangeUnavailable(what + " at " + base + " failed: " + e, Optional.empty(), e),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownOutcome(what + " interrupted while waiting for the answer", e);
        }
    }

    private JsonNode answer(HttpResponse<String> response, String what, boolean changesState) throws Retryable {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 200) {
            return body;
        }
        if (status == 429 || status == 418) {
            throw rateLimited(response, what);
        }
        if (status >= 500) {
            if (changesState) {
                throw new UnknownOutcome(what + " answered HTTP " + status + ": the venue does not know whether it"
                        + " was executed; ask for the order by client id before sending it again", null);
            }
            throw new Retryable(new ExchangeUnavailable(what + " answered HTTP " + status, Optional.empty(), null),
                    Optional.empty());
        }
        int code = body.path("code").asInt(BinanceErrors.UNKNOWN);
        ExchangeException failure = ErrorMapping.map(what, code, body.path("msg").asText("HTTP " + status));
        if (code == BinanceErrors.INVALID_TIMESTAMP) {
            offsetMillis = Optional.empty();
            throw new Retryable((ExchangeUnavailable) failure, Optional.of(Duration.ZERO));
        }
        throw failure;
    }

    private Retryable rateLimited(HttpResponse<String> response, String what) {
        Optional<Duration> wait = response.headers().firstValue("Retry-After").flatMap(BinanceHttp::seconds);
        ExchangeUnavailable failure = new ExchangeUnavailable(what + " answered HTTP " + response.statusCode()
                + (response.statusCode() == 418 ? " (IP banned for ignoring rate limits)" : " (rate limit)")
                + wait.map(w -> ", retry after " + w.toSeconds() + "s").orElse(""), wait, null);
        if (wait.isPresent() && wait.get().compareTo(LONGEST_WAIT) > 0) {
            throw failure;
        }
        return new Retryable(failure, Optional.of(wait.orElse(Duration.ofSeconds(1))));
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return BinanceJson.MAPPER.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return BinanceJson.MAPPER.createObjectNode().put("msg", "unreadable answer: "
                    + body.substring(0, Math.min(200, body.length())));
        }
    }

    private String signedQuery(Map<String, String> params) {
        ApiCredentials c = credentials.orElseThrow(() -> new ExchangeUnavailable("no API credentials for "
                + base + ": set TRADEVAULT_EXCHANGE_API_KEY and TRADEVAULT_EXCHANGE_API_SECRET", Optional.empty(), null));
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("recvWindow", Long.toString(settings.recvWindow().toMillis()));
        all.put("timestamp", Long.toString(clock.millis() + offset()));
        String query = query(all);
        return query + "&signature=" + Signing.sign(c.secret(), query);
    }

    /** Server time minus our time, measured once (and again after a -1021). */
    private long offset() {
        Optional<Long> known = offsetMillis;
        if (known.isPresent()) {
            return known.get();
        }
        long before = clock.millis();
        long server = get("/api/v3/time", Map.of()).get("serverTime").asLong();
        long measured = server - (before + clock.millis()) / 2;
        offsetMillis = Optional.of(measured);
        LOG.debug("clock offset to {}: {} ms", base, measured);
        return measured;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("interrupted while waiting to retry", Optional.empty(), e);
        }
    }

    /** For messages: never includes credentials. */
    @Override
    public String toString() {
        return "BinanceHttp[" + base + "]";
    }
}
