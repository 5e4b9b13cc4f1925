package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.setup.config.Durations;
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
        request.number("failNext").ifPresent(n -> failNext.set(n.intValue()));
        request.number("dropNext").ifPresent(n -> dropNext.set(n.intValue()));
        request.number("dropOrders").ifPresent(n -> dropOrders.set(n.intValue()));
        request.number("status").ifPresent(this::status);
        request.optional("delay").ifPresent(d -> delay = Durations.parse(d).orElseThrow(() -> ApiError.badRequest(
                Codes.BAD_PARAMETER, "delay must be a duration such as 500ms or 2s")));
        return describe();
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
