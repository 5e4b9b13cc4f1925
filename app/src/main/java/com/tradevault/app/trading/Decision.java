package com.tradevault.app.trading;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one scan of one symbol decided, with the inputs it decided on: the
 * audit row every scan writes.
 *
 * @param skipReason why nothing was done, present exactly when {@code kind} is SKIP
 * @param payload    inputs (indicator values, thresholds, price) as JSON-ready values
 */
public record Decision(String symbol, Instant decidedAt, Kind kind, Optional<String> skipReason,
                       Map<String, Object> payload) {

    /** ENTER a position, EXIT one, HOLD an open one, or SKIP (with a reason). */
    public enum Kind { ENTER, EXIT, HOLD, SKIP }

    public Decision {
        if ((kind == Kind.SKIP) != skipReason.isPresent()) {
            throw new IllegalArgumentException("a skip reason goes with SKIP and only with SKIP");
        }
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    public static Decision of(String symbol, Instant at, Kind kind, Map<String, Object> payload) {
        return new Decision(symbol, at, kind, Optional.empty(), payload);
    }

    public static Decision skip(String symbol, Instant at, String reason, Map<String, Object> payload) {
        return new Decision(symbol, at, Kind.SKIP, Optional.of(reason), payload);
    }
}
