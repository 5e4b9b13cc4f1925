package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.RequestWeight;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the adapter inside the venue's limits (rest-api.md, "LIMITS"). The
 * limits come from exchangeInfo {@code rateLimits} (REQUEST_WEIGHT per IP,
 * ORDERS per account, each per interval); what is used comes back on every
 * answer in {@code X-MBX-USED-WEIGHT-(n)(unit)} and
 * {@code X-MBX-ORDER-COUNT-(n)(unit)}. Before a request, {@link #admit} says
 * how long to wait so that it stays under the limit: reads stop at nine
 * tenths of the weight, keeping the last tenth for placing and cancelling
 * (a stop must get through). A 429's {@code Retry-After} holds every request
 * back for that long; a 418 (IP banned) holds everything until the ban ends.
 */
final class RateLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
    private static final String WEIGHT_HEADER = "x-mbx-used-weight-";
    private static final String ORDER_HEADER = "x-mbx-order-count-";

    /** A limit of one interval, keyed like the headers: {@code 1M}, {@code 10S}, {@code 1D}. */
    private record Window(Duration length, int limit) {
    }

    /** A count the venue reported, and when. */
    private record Seen(int count, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Window> weightLimits = new ConcurrentHashMap<>();
    private final Map<String, Window> orderLimits = new ConcurrentHashMap<>();
    private final Map<String, Seen> weightUsed = new ConcurrentHashMap<>();
    private final Map<String, Seen> ordersUsed = new ConcurrentHashMap<>();
    private volatile Instant quietUntil = Instant.EPOCH;
    private volatile Instant bannedUntil = Instant.EPOCH;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Learns the limits from an exchangeInfo answer's {@code rateLimits}. */
    void learn(JsonNode exchangeInfo) {
        for (JsonNode l : exchangeInfo.path("rateLimits")) {
            Optional<Duration> unit = unit(l.path("interval").asText());
            int n = l.path("intervalNum").asInt(0);
            if (unit.isEmpty() || n <= 0 || !l.path("limit").canConvertToInt()) {
                continue;
            }
            String key = n + l.path("interval").asText().substring(0, 1);
            Window w = new Window(unit.get().multipliedBy(n), l.path("limit").asInt());
            switch (l.path("rateLimitType").asText()) {
                case "REQUEST_WEIGHT" -> weightLimits.put(key, w);
                case "ORDERS" -> orderLimits.put(key, w);
                default -> {
                    // RAW_REQUESTS: our request rate is far below it
                }
            }
        }
    }

    /** Reads the used weight and order counts of an answer. */
    void observe(HttpHeaders headers) {
        Instant now = clock.instant();
        headers.map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(WEIGHT_HEADER)) {
                count(values.get(0)).ifPresent(c -> weightUsed.put(key(n, WEIGHT_HEADER), new Seen(c, now)));
            } else if (n.startsWith(ORDER_HEADER)) {
                count(values.get(0)).ifPresent(c -> ordersUsed.put(key(n, ORDER_HEADER), new Seen(c, now)));
            }
        });
    }

    /** After a 429: nothing is sent for {@code wait}. */
    void backOff(Duration wait) {
        quietUntil = later(quietUntil, clock.instant().plus(wait));
    }

    /** After a 418: nothing is sent until the ban ends; says so in the log. */
    Instant banned(Duration wait, String base) {
        bannedUntil = later(bannedUntil, clock.instant().plus(wait));
        LOG.error("the venue {} banned this IP for exceeding its rate limits until {}: nothing is sent until then",
                base, bannedUntil);
        return bannedUntil;
    }

    /**
     * Fails at once while banned; otherwise how long to wait before sending
     * a request of {@code weight} (zero: send now).
     *
     * @param placesOrder whether the request counts against the ORDERS limits
     */
    Duration admit(int weight, boolean placesOrder, String what) {
        Instant now = clock.instant();
        if (now.isBefore(bannedUntil)) {
            throw new ExchangeUnavailable(what + " not sent: this IP is banned by the venue until " + bannedUntil
                    + " (HTTP 418, rate limits exceeded); nothing is sent until then", Optional.of(
                    Duration.between(now, bannedUntil)), null);
        }
        Instant sendAt = later(quietUntil, now);
        sendAt = later(sendAt, weightAllows(weight, placesOrder, now));
        if (placesOrder) {
            sendAt = later(sendAt, ordersAllow(now));
        }
        return Duration.between(now, sendAt);
    }

    /** The last weight the venue reported, against its limit where known. */
    Optional<RequestWeight> weight() {
        return weightUsed.entrySet().stream().filter(e -> e.getKey().equals("1M")).findFirst()
                .or(() -> weightUsed.entrySet().stream().findFirst())
                .map(e -> new RequestWeight(current(e.getValue(), weightLimits.get(e.getKey()), clock.instant()),
                        Optional.ofNullable(weightLimits.get(e.getKey())).map(Window::limit).orElse(0), e.getKey()));
    }

    private Instant weightAllows(int weight, boolean placesOrder, Instant now) {
        Instant at = now;
        for (Map.Entry<String, Window> e : weightLimits.entrySet()) {
            Window w = e.getValue();
            int budget = placesOrder ? w.limit() : w.limit() * 9 / 10;
            Seen seen = weightUsed.get(e.getKey());
            if (seen != null && current(seen, w, now) + weight > budget) {
                at = later(at, windowEnd(w, now));
            }
        }
        return at;
    }

    private Instant ordersAllow(Instant now) {
        Instant at = now;
        for (Map.Entry<String, Window> e : orderLimits.entrySet()) {
            Seen seen = ordersUsed.get(e.getKey());
            if (seen != null && current(seen, e.getValue(), now) + 1 > e.getValue().limit()) {
                at = later(at, windowEnd(e.getValue(), now));
            }
        }
        return at;
    }

    /** A count seen in an earlier window than now's has been reset by the venue. */
    private static int current(Seen seen, Window w, Instant now) {
        return w == null || windowEnd(w, seen.at()).isAfter(now) ? seen.count() : 0;
    }

    /** The venue counts in fixed windows from the epoch (a minute from :00). */
    private static Instant windowEnd(Window w, Instant t) {
        long len = w.length().toMillis();
        return Instant.ofEpochMilli((t.toEpochMilli() / len + 1) * len);
    }

    private static Optional<Duration> unit(String interval) {
        return switch (interval) {
            case "SECOND" -> Optional.of(Duration.ofSeconds(1));
            case "MINUTE" -> Optional.of(Duration.ofMinutes(1));
            case "HOUR" -> Optional.of(Duration.ofHours(1));
            case "DAY" -> Optional.of(Duration.ofDays(1));
            default -> Optional.empty();
        };
    }

    private static String key(String header, String prefix) {
        return header.substring(prefix.length()).toUpperCase(Locale.ROOT);
    }

    private static Optional<Integer> count(String raw) {
        try {
            return Optional.of(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
