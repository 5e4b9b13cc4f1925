package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;

/**
 * A protective sell stop that follows the price up and never down.
 *
 * @param highest the highest price seen since entry
 * @param trail   the distance below {@code highest}
 * @param level   the current stop level (only ever raised)
 */
public record TrailingStop(Price highest, Trail trail, Price level) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The stop for a fresh position: trails the entry price; at least one tick when the trail is wider. */
    public static TrailingStop from(Price entry, Trail trail, SymbolRules rules) {
        Price level = trail.levelBelow(entry, rules).orElse(new Price(rules.tickSize()));
        return new TrailingStop(entry, trail, level);
    }

    /** This stop after seeing {@code price}: a new high raises the level, anything else changes nothing. */
    public TrailingStop seeing(Price price, SymbolRules rules) {
        if (!price.isAbove(highest)) {
            return this;
        }
        Price candidate = trail.levelBelow(price, rules).orElse(level);
        return new TrailingStop(price, trail, candidate.isAbove(level) ? candidate : level);
    }

    /**
     * Whether the level has risen far enough above {@code placed} (the stop on
     * the venue) to be worth a cancel and a new order: at least
     * {@code minMovePercent} percent of the placed level, and at least one tick.
     */
    public boolean worthMovingFrom(Price placed, BigDecimal minMovePercent) {
        BigDecimal rise = level.value().subtract(placed.value());
        return rise.signum() > 0 && rise.multiply(HUNDRED).compareTo(placed.value().multiply(minMovePercent)) >= 0;
    }

    /** Whether {@code price} has already reached the stop level (a stop placed now would trigger at once). */
    public boolean isHitBy(Price price) {
        return !price.isAbove(level);
    }
}
