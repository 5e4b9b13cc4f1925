package com.tradevault.app.exchange.paper.server;

import com.tradevault.app.exchange.paper.VenueRules;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request weight used this minute and the orders placed in this ten-second
 * interval and this day, counted as Binance does (fixed intervals), reported in
 * the {@code X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-10S}/{@code -1D}
 * headers, and refused with 429 past the limits: -1003 with {@code Retry-After}
 * for weight, -1015 without it for orders.
 */
final class Usage {

    private final VenueRules.RateLimits limits;
    private final Clock clock;
    private long minute = -1;
    private int weight;
    private long tenSeconds = -1;
    private int ordersTenSeconds;
    private long day = -1;
    private int ordersDay;

    Usage(VenueRules.RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts a request of {@code requestWeight}; the refusal to answer instead, past the limit. */
    synchronized Optional<Response> admit(int requestWeight) {
        roll();
        weight += requestWeight;
        if (weight <= limits.weightPerMinute()) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (60_000 - clock.millis() % 60_000 + 999) / 1000);
        return Optional.of(new Response(429, BinanceShapes.error(Codes.TOO_MANY_REQUESTS,
                "Too much request weight used; current limit is " + limits.weightPerMinute()
                        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid"
                        + " polling the API."), Map.of("Retry-After", Long.toString(retryAfter))));
    }

    /** Counts a new order; the refusal past either order limit. */
    synchronized Optional<Response> admitOrder() {
        roll();
        ordersTenSeconds++;
        ordersDay++;
        if (ordersTenSeconds > limits.ordersPer10s()) {
            return Optional.of(tooManyOrders(limits.ordersPer10s() + " orders per 10 SECOND"));
        }
        if (ordersDay > limits.ordersPerDay()) {
            return Optional.of(tooManyOrders(limits.ordersPerDay() + " orders per 1 DAY"));
        }
        return Optional.empty();
    }

    private static Response tooManyOrders(String limit) {
        return new Response(429, BinanceShapes.error(Codes.TOO_MANY_ORDERS,
                "Too many new orders; current limit is " + limit + "."), Map.of());
    }

    /** The usage headers; the order counts only on order requests. */
    synchronized Map<String, String> headers(boolean order) {
        roll();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-MBX-USED-WEIGHT-1M", Integer.toString(weight));
        if (order) {
            h.put("X-MBX-ORDER-COUNT-10S", Integer.toString(ordersTenSeconds));
            h.put("X-MBX-ORDER-COUNT-1D", Integer.toString(ordersDay));
        }
        return h;
    }

    private void roll() {
        long now = clock.millis();
        if (now / 60_000 != minute) {
            minute = now / 60_000;
            weight = 0;
        }
        if (now / 10_000 != tenSeconds) {
            tenSeconds = now / 10_000;
            ordersTenSeconds = 0;
        }
        if (now / 86_400_000 != day) {
            day = now / 86_400_000;
            ordersDay = 0;
        }
    }
}
