package com.tradevault.app.orders;

import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.StrategySettings.TrailMode;
import com.tradevault.app.trading.Trail;
import java.util.Optional;

/**
 * {@code strategy.trail-mode = venue}: the protective stop carries a
 * {@code trailingDelta} (the trail in basis points) and the exchange moves
 * it up itself, also while the bot is down. The bot then never moves it: it
 * checks that it is there and places it again when it is not. Binance
 * measures the delta in basis points (trailing-stop FAQ), so only a percent
 * trail that is a whole number of them can be handed over, and only on a
 * symbol that allows trailing stops ({@code allowTrailingStop}) with a delta
 * inside its TRAILING_DELTA filter ({@code minTrailingBelowDelta} ..
 * {@code maxTrailingBelowDelta} for a sell stop).
 *
 * @param bips the trail in basis points, empty when the bot trails
 */
public record VenueTrailing(Optional<Integer> bips) {

    /** The bot trails: no stop carries a trailing delta. */
    public static final VenueTrailing OFF = new VenueTrailing(Optional.empty());

    /** From the strategy: the trail in bips when {@code trail-mode = venue} (checked by {@link #configProblem}). */
    public static VenueTrailing of(StrategySettings strategy) {
        return strategy.trailMode() == TrailMode.VENUE ? new VenueTrailing(strategy.trail().bips()) : OFF;
    }

    /** Whether the venue trails the stops of this symbol (it allows trailing stops). */
    public boolean on(SymbolRules rules) {
        return bips.isPresent() && rules.trailingStopAllowed();
    }

    /**
     * What in the configuration alone stops the venue from trailing {@code trail}, as the key and the rule
     * broken; empty when nothing does.
     */
    public static Optional<Problem> configProblem(TrailMode mode, Trail trail) {
        if (mode != TrailMode.VENUE) {
            return Optional.empty();
        }
        if (trail.kind() != Trail.Kind.PERCENT) {
            return Optional.of(new Problem("strategy.trail-kind", "must be percent with strategy.trail-mode = venue:"
                    + " the exchange trails by trailingDelta, a percentage in basis points, not an absolute distance;"
                    + " set strategy.trail-kind = percent, or strategy.trail-mode = bot"));
        }
        if (trail.bips().isEmpty()) {
            return Optional.of(new Problem("strategy.trail", "must be a whole number of basis points (a multiple of"
                    + " 0.01 percent) with strategy.trail-mode = venue: the exchange's trailingDelta is in basis"
                    + " points; round it, or set strategy.trail-mode = bot"));
        }
        return Optional.empty();
    }

    /** A configuration key and the rule its value breaks. */
    public record Problem(String path, String rule) {
    }

    /** Why the venue cannot trail this symbol's stops by {@code trail}; empty when it can. */
    public static Optional<String> refusal(SymbolRules rules, Trail trail) {
        int bips = trail.bips().orElseThrow();
        if (!rules.trailingStopAllowed()) {
            return Optional.of(rules.symbol() + " does not allow trailing stops (allowTrailingStop is false in"
                    + " exchangeInfo)");
        }
        return rules.sellTrailingDelta().filter(range -> !range.admits(bips)).map(range -> "the trail " + trail
                + " is " + bips + " basis points, outside " + rules.symbol() + "'s TRAILING_DELTA filter for sell stops"
                + " (" + range + ")");
    }
}
