package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ClockOffset;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.RequestWeight;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.exchange.UnreadableAnswer;
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
 * server time offset, recvWindow, HMAC-SHA256), keeps within the rate limits
 * ({@link RateLimits}), retries with doubling backoff only what cannot have
 * been executed (connection refused, 429 after its Retry-After, any failure
 * of a read-only request), retries once after re-measuring the clock offset
 * on -1021, and reports a state-changing request whose outcome is unknown
 * (time-out, dropped connection, HTTP 5xx, -1006, -1007) as
 * {@link UnknownOutcome}, never as a refusal.
 */
final class BinanceHttp {

    /** Waits the adapter may take by itself; a longer one is reported to the caller instead. */
    interface Pausing {
        void pause(Duration d) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);
    private static final Duration LONGEST_LIMIT_WAIT = Duration.ofSeconds(60);
    /** rest-api.md: IP bans last from 2 minutes up; used when a 418 carries no Retry-After. */
    private static final Duration SHORTEST_BAN = Duration.ofMinutes(2);

    private final URI base;
    private final Optional<ApiCredentials> credentials;
    private final ExchangeSettings settings;
    private final Clock clock;
    private final Pausing pausing;
    private final HttpClient http;
    private final RateLimits limits;
    private volatile Optional<Long> offsetMillis = Optional.empty();

    BinanceHttp(URI base, Optional<ApiCredentials> credentials, ExchangeSettings settings, Clock clock,
                Pausing pausing) {
        this.base = base;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        this.pausing = pausing;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.limits = new RateLimits(clock);
    }

    /** A failure after which the same request may be sent again: nothing was executed. */
    private static final class Retryable extends Exception {
        final ExchangeUnavailable failure;
        final Optional<Duration> wait;

        Retryable(ExchangeUnavailable failure, Optional<Duration> wait) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.wait = wait;
        }
    }

    /** -1021: the request's timestamp was outside recvWindow; nothing was executed. */
    private static final class ClockRejected extends Exception {
        final ExchangeUnavailable failure;

        ClockRejected(ExchangeUnavailable failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    JsonNode get(String path, Map<String, String> params) {
        return send("GET", path, params, false);
    }

    JsonNode signed(String method, String path, Map<String, String> params) {
        return send(method, path, params, true);
    }

    Optional<RequestWeight> weight() {
        return limits.weight();
    }

    /** Server time minus our time in milliseconds, measured now. */
    long measureOffset() {
        long before = clock.millis();
        long server = new AnswerFields("GET /api/v3/time", get("/api/v3/time", Map.of())).number("serverTime");
        long measured = ClockOffset.millis(before, server, clock.millis());
        offsetMillis = Optional.of(measured);
        LOG.debug("clock offset to {}: {} ms", base, measured);
        return measured;
    }

    private JsonNode send(String method, String path, Map<String, String> params, boolean signed) {
        String what = method + " " + path;
        boolean resynchronised = false;
        for (int attempt = 0; ; attempt++) {
            waitForLimits(method, path, params, what);
            try {
                return once(method, path, params, signed, what);
            } catch (ClockRejected c) {
                if (resynchronised) {
                    throw c.failure;
                }
                LOG.warn("{}: timestamp outside recvWindow (-1021); measuring the clock offset again", what);
                resynchronised = true;
                measureOffset();
                attempt--;
            } catch (Retryable r) {
                if (attempt >= settings.maxRetries()) {
                    throw r.failure;
                }
                Duration wait = r.wait.orElse(settings.retryBackoff().multipliedBy(1L << Math.min(attempt, 10)));
                if (!wait.isZero()) {
                    pause(wait);
                }
            }
        }
    }

    private void waitForLimits(String method, String path, Map<String, String> params, String what) {
        Duration wait = limits.admit(RequestWeights.of(method, path, params),
                RequestWeights.placesOrder(method, path), what);
        if (wait.compareTo(LONGEST_LIMIT_WAIT) > 0) {
            throw new ExchangeUnavailable(what + " not sent: the venue's rate limits leave no room for the next "
                    + wait.toSeconds() + "s", Optional.of(wait), null);
        }
        if (!wait.isZero()) {
            LOG.info("{}: slowing down for {} ms to stay within the venue's rate limits", what, wait.toMillis());
            pause(wait);
        }
    }

    private JsonNode once(String method, String path, Map<String, String> params, boolean signed, String what)
            throws Retryable, ClockRejected {
        String query = signed ? signedQuery(params) : query(params);
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout()).method(method, HttpRequest.BodyPublishers.noBody());
        credentials.ifPresent(c -> request.header("X-MBX-APIKEY", c.apiKey()));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> response = exchange(request.build(), what, !method.equals("GET"));
        LOG.debug("{} -> HTTP {}", what, response.statusCode());
        limits.observe(response.headers());
        JsonNode body = answer(response, what, !method.equals("GET"));
        if (path.equals("/api/v3/exchangeInfo")) {
            limits.learn(body);
        }
        return body;
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

    private JsonNode answer(HttpResponse<String> response, String what, boolean changesState)
            throws Retryable, ClockRejected {
        int status = response.statusCode();
        if (status == 200) {
            return json(response.body(), what);
        }
        if (status == 418 || status == 429) {
            throw rateLimited(response, what);
        }
        JsonNode body = parseError(response.body());
        int code = body.path("code").asInt(0);
        if (unknownOutcome(code) || status >= 500) {
            throw unknown(what, status, code, body.path("msg").asText(""), changesState);
        }
        String msg = body.path("msg").asText("HTTP " + status);
        if (code == BinanceErrors.INVALID_TIMESTAMP) {
            offsetMillis = Optional.empty();
            throw new ClockRejected((ExchangeUnavailable) ErrorMapping.map(what, code, msg));
        }
        if ((code == BinanceErrors.CANCEL_REPLACE_PARTIALLY_FAILED || code == BinanceErrors.CANCEL_REPLACE_FAILED)
                && body.has("data")) {
            throw new CancelReplaceRefused(what + " refused by the venue: " + msg + " (" + code + ")",
                    body.get("data"));
        }
        throw ErrorMapping.map(what, code == 0 ? BinanceErrors.UNKNOWN : code, msg);
    }

    /** HTTP 5xx, -1006, -1007: executed or not, nobody knows yet. */
    private Retryable unknown(String what, int status, int code, String msg, boolean changesState) {
        boolean documented = unknownOutcome(code);
        String answered = what + " answered HTTP " + status + (documented ? " " + code + " \"" + msg + "\"" : "");
        if (changesState) {
            throw new UnknownOutcome(answered + ": the venue does not know whether it was executed; ask for the"
                    + " order by client id before sending it again", null);
        }
        return new Retryable(new ExchangeUnavailable(answered, Optional.empty(), null), Optional.empty());
    }

    /**
     * -1006 and -1007 say "execution status unknown"; -1000 ("an unknown error occurred while
     * processing the request") does not say the request was not executed, so it is treated alike.
     */
    private static boolean unknownOutcome(int code) {
        return code == BinanceErrors.UNEXPECTED_RESPONSE || code == BinanceErrors.TIMEOUT
                || code == BinanceErrors.UNKNOWN;
    }

    private Retryable rateLimited(HttpResponse<String> response, String what) {
        Optional<Duration> said = response.headers().firstValue("Retry-After").flatMap(BinanceHttp::seconds);
        if (response.statusCode() == 418) {
            Duration wait = said.orElse(SHORTEST_BAN);
            throw new ExchangeUnavailable(what + " answered HTTP 418: this IP is banned by the venue for exceeding its"
                    + " rate limits until " + limits.banned(wait, base.toString()) + "; nothing is sent until then",
                    Optional.of(wait), null);
        }
        Duration wait = said.orElse(Duration.ofSeconds(1));
        limits.backOff(wait);
        ExchangeUnavailable failure = new ExchangeUnavailable(what + " answered HTTP 429 (rate limit)"
                + said.map(w -> ", retry after " + w.toSeconds() + "s").orElse(""), said, null);
        if (wait.compareTo(LONGEST_RETRY_AFTER) > 0) {
            throw failure;
        }
        return new Retryable(failure, Optional.of(Duration.ZERO));
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonNode json(String body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UnreadableAnswer("cannot read the answer of " + what + ": it is not JSON: "
                    + body.substring(0, Math.min(120, body.length())));
        }
    }

    private static JsonNode parseError(String body) {
        try {
            JsonNode n = MAPPER.readTree(body.isEmpty() ? "{}" : body);
            return n == null || !n.isObject() ? MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("msg", "unreadable answer: "
                    + body.substring(0, Math.min(200, body.length())));
        }
    }

    private String signedQuery(Map<String, String> params) {
        ApiCredentials c = credentials.orElseThrow(() -> new ExchangeUnavailable("no API credentials for "
                + base + ": set TRADEVAULT_EXCHANGE_API_KEY and TRADEVAULT_EXCHANGE_API_SECRET", Optional.empty(),
                null));
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("recvWindow", Long.toString(settings.recvWindow().toMillis()));
        all.put("timestamp", Long.toString(clock.millis() + offsetMillis.orElseGet(this::measureOffset)));
        String query = query(all);
        return query + "&signature=" + Signing.sign(c.secret(), query);
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private void pause(Duration d) {
        try {
            pausing.pause(d);
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
