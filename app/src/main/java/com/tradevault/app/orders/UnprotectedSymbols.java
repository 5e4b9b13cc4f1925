package com.tradevault.app.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Symbols whose positions the venue will not protect (a stop refused for a
 * reason that will not go away: an order type the symbol does not allow, a
 * filter, missing permissions). New entries on them are blocked for the rest
 * of the run; the bot and reconciliation stop asking for a stop there. Kept in
 * memory: a restart asks the venue once more.
 */
public final class UnprotectedSymbols {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    /** Records that {@code symbol} cannot be protected, and why. */
    public void mark(String symbol, String why) {
        reasons.put(symbol, why);
    }

    public Optional<String> reason(String symbol) {
        return Optional.ofNullable(reasons.get(symbol));
    }

    /** One readable line per symbol, for the reasons entries are blocked. */
    public List<String> describe() {
        return reasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " cannot be protected: " + e.getValue()).toList();
    }

    /** The symbols, for the reconciliation snapshot. */
    public Map<String, String> all() {
        return Map.copyOf(reasons);
    }
}
