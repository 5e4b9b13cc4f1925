package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.core.config.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into the {@code /api/v3} endpoints, for tests and demos: fail
 * the next N requests without executing them (HTTP 503, or 429/418 with
 * Retry-After), delay every answer, or execute the next N requests and then
 * drop their answers (close the connection), the case that tempts a client to
 * send an order twice.
 */
final class Faults {

    /** The most requests one fault applies to, and the longest delay: beyond them a test or demo hangs for good. */
    static final int MOST_REQUESTS = 1_000_000;
    static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger dropOrders = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile Duration delay = Duration.ZERO;

    /** Applies the parameters given (failNext, status, delay, dropNext, reset) and returns the new state. */
    ObjectNode update(ApiRequest request) {
        if (request.optional("reset").isPresent()) {
            failNext.set(0);
            dropNext.set(0);
            dropOrders.set(0);
            failStatus = 503;
            delay = Duration.ZERO;
        }
        request.number("failNext").ifPresent(n -> failNext.set(count("failNext", n)));
        request.number("dropNext").ifPresent(n -> dropNext.set(count("dropNext", n)));
        request.number("dropOrders").ifPresent(n -> dropOrders.set(count("dropOrders", n)));
        request.number("status").ifPresent(this::status);
        request.optional("delay").ifPresent(d -> delay = Durations.parseBetween(d, Duration.ZERO, LONGEST_DELAY)
                .orElseThrow(() -> ApiError.badRequest(Codes.BAD_PARAMETER, "delay " + Durations.rule(Duration.ZERO,
                        LONGEST_DELAY))));
        return describe();
    }

    private static int count(String name, long n) {
        if (n < 0 || n > MOST_REQUESTS) {
            throw ApiError.badRequest(Codes.BAD_PARAMETER, name + " must be a whole number from 0 to " + MOST_REQUESTS);
        }
        return (int) n;
    }

    private void status(long status) {
        if (status != 503 && status != 500 && status != 429 && status != 418) {
            throw ApiError.badRequest(Codes.BAD_PARAMETER, "status must be 500, 503, 429 or 418");
        }
        failStatus = (int) status;
    }

    ObjectNode describe() {
        return BinanceShapes.MAPPER.createObjectNode().put("failNext", failNext.get()).put("status", failStatus)
                .put("delay", Durations.format(delay))
                .put("dropNext", dropNext.get()).put("dropOrders", dropOrders.get());
    }

    /** The failure to answer instead of executing this request, if one is pending. */
    Optional<Response> failure() {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return Optional.empty();
        }
        int status = failStatus;
        if (status == 429 || status == 418) {
            return Optional.of(new Response(status, BinanceShapes.error(Codes.TOO_MANY_REQUESTS,
                    "Too many requests; current limit is exceeded (paper exchange fault injection)."),
                    Map.of("Retry-After", "1")));
        }
        return Optional.of(new Response(status, BinanceShapes.error(Codes.DISCONNECTED, Codes.INTERNAL_MESSAGE),
                Map.of()));
    }

    /** Whether to drop this (already executed) request's answer. */
    boolean dropAnswer() {
        return dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Whether to drop the answer to this (already executed) order placement: the next N POST /api/v3/order. */
    boolean dropOrderAnswer(String method, String path) {
        return method.equals("POST") && path.equals("/api/v3/order")
                && dropOrders.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
