package com.tradevault.app.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * A long position in one symbol, protected by a trailing stop.
 *
 * @param id          ledger id; 0 before it is first recorded
 * @param quantity    base asset held; for a closed position, the dust left below the lot size
 * @param entryPrice  average cost per unit, fees included (rounded half-even to 8 decimals)
 * @param stop        highest price seen, trail and current stop level
 * @param realizedPnl quote-asset profit or loss of what was sold so far, fees included
 */
public record Position(long id, String symbol, PositionStatus status, Quantity quantity, Price entryPrice,
                       TrailingStop stop, Money realizedPnl, Instant openedAt, Optional<Instant> closedAt,
                       Instant updatedAt) {

    /** A new position from the first entry fill: {@code received} base units cost {@code cost} quote units. */
    public static Position open(String symbol, Quantity received, BigDecimal cost, TrailingStopFactory stops,
                                Instant at) {
        Price entry = averageCost(cost, received);
        return new Position(0, symbol, PositionStatus.OPEN, received, entry, stops.startingAt(entry),
                Money.ZERO, at, Optional.empty(), at);
    }

    /** Makes the trailing stop of a new position, given its average cost (the bot starts it from the fill price). */
    @FunctionalInterface
    public interface TrailingStopFactory {
        TrailingStop startingAt(Price entry);
    }

    public Position withId(long newId) {
        return new Position(newId, symbol, status, quantity, entryPrice, stop, realizedPnl, openedAt, closedAt,
                updatedAt);
    }

    /** After another entry fill: the quantity grows and the entry price becomes the new average cost. */
    public Position buying(Quantity received, BigDecimal cost, Instant at) {
        Quantity total = quantity.plus(received);
        Price average = averageCost(quantity.times(entryPrice).add(cost), total);
        return new Position(id, symbol, status, total, average, stop, realizedPnl, openedAt, closedAt, at);
    }

    /** After a sell fill of {@code sold} at {@code price}, paying {@code quoteFee}: realizes its P&L. */
    public Position selling(Quantity sold, Price price, BigDecimal quoteFee, Instant at) {
        BigDecimal pnl = sold.value().multiply(price.value().subtract(entryPrice.value())).subtract(quoteFee);
        return new Position(id, symbol, status, quantity.minus(sold), entryPrice, stop,
                realizedPnl.plus(Money.rounded(pnl)), openedAt, closedAt, at);
    }

    public Position closed(Instant at) {
        return new Position(id, symbol, PositionStatus.CLOSED, quantity, entryPrice, stop, realizedPnl, openedAt,
                Optional.of(at), at);
    }

    public Position withStop(TrailingStop newStop, Instant at) {
        return new Position(id, symbol, status, quantity, entryPrice, newStop, realizedPnl, openedAt, closedAt, at);
    }

    public boolean isOpen() {
        return status == PositionStatus.OPEN;
    }

    /** What the position would gain or lose if sold at {@code price}, before fees. */
    public Money unrealizedPnlAt(Price price) {
        return Money.rounded(quantity.value().multiply(price.value().subtract(entryPrice.value())));
    }

    private static Price averageCost(BigDecimal cost, Quantity received) {
        if (received.isZero()) {
            throw new IllegalArgumentException("an entry fill must leave a positive quantity");
        }
        return Price.rounded(cost.divide(received.value(), 16, RoundingMode.HALF_EVEN));
    }
}
