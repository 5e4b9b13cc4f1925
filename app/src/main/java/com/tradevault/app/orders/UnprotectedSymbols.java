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
 *
 * <p>A market exit the venue refused (the coins are not there, a filter,
 * permissions) is refused for good in the same way: the position is left open
 * and reported, never exited again in this run, so that no scan or
 * reconciliation round sends the same refused exit in a loop.
 */
public final class UnprotectedSymbols {

    /** How the reason of a symbol whose exit at market was refused begins. */
    private static final String EXIT_REFUSED = "the exchange refused the exit at market for good: ";

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    /** Records that {@code symbol} cannot be protected, and why. */
    public void mark(String symbol, String why) {
        reasons.put(symbol, why);
    }

    /** Records that the venue refused to exit {@code symbol}'s position at market, and why. */
    public String markExitRefused(String symbol, String why) {
        String reason = EXIT_REFUSED + why;
        reasons.put(symbol, reason);
        return reason;
    }

    /** Whether {@code reason} (one of {@link #all()}'s) says the exit at market was refused: do not send it again. */
    public static boolean exitRefused(String reason) {
        return reason != null && reason.startsWith(EXIT_REFUSED);
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
