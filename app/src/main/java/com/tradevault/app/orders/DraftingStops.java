package com.tradevault.app.orders;

import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drafts the protective stop a symbol's rules allow: a stop-market
 * ({@code STOP_LOSS}) where the symbol lists it, else a stop-limit
 * ({@code STOP_LOSS_LIMIT}) whose limit sits {@code strategy.stop-limit-offset-percent}
 * below the stop price, rounded down to the tick and kept inside the
 * symbol's PRICE_FILTER and PERCENT_PRICE_BY_SIDE band for sells (measured
 * from the venue's average price). A symbol that allows neither is refused
 * before the bot starts; should one slip through, the stop-market draft is
 * refused by the venue for good and the position is exited. With
 * {@code strategy.trail-mode = venue} the stop of a symbol that allows
 * trailing stops carries the trail as a {@code trailingDelta} and no stop
 * price ({@link VenueTrailing}); a stop-limit's limit still sits the offset
 * below the level the bot computed when placing it.
 */
public final class DraftingStops {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal limitOffsetPercent;
    private final VenueTrailing venue;

    /** Stops the bot trails. */
    public DraftingStops(BigDecimal limitOffsetPercent) {
        this(limitOffsetPercent, VenueTrailing.OFF);
    }

    public DraftingStops(BigDecimal limitOffsetPercent, VenueTrailing venue) {
        this.limitOffsetPercent = limitOffsetPercent;
        this.venue = venue;
    }

    /** Whether the exchange trails the stops of this symbol (the bot then never moves them). */
    public boolean venueTrails(SymbolRules rules) {
        return venue.on(rules);
    }

    /**
     * The stop for {@code positionId} at {@code level}; {@code averagePrice}
     * is asked only for a stop-limit on a symbol with a sell price band.
     */
    public OrderDraft draft(long positionId, SymbolRules rules, Quantity quantity, Price level,
                            Supplier<BigDecimal> averagePrice) {
        OrderDraft draft = rules.protectiveStopType().orElse(OrderType.STOP_LOSS) == OrderType.STOP_LOSS
                ? OrderDraft.stop(positionId, rules.symbol(), quantity, level)
                : OrderDraft.stopLimit(positionId, rules.symbol(), quantity, level, limitPrice(rules, level,
                        averagePrice));
        return venueTrails(rules) ? draft.trailedByVenue(venue.bips().orElseThrow()) : draft;
    }

    /** Whether drafting a stop of this symbol needs the venue's average price (ask it before a transaction). */
    public static boolean needsAveragePrice(SymbolRules rules) {
        return rules.protectiveStopType().filter(t -> t == OrderType.STOP_LOSS_LIMIT).isPresent()
                && rules.sellPriceBand().isPresent();
    }

    /** The stop-limit's limit: the offset below the stop, on the tick, inside the price filters. */
    Price limitPrice(SymbolRules rules, Price level, Supplier<BigDecimal> averagePrice) {
        BigDecimal raw = level.value().multiply(HUNDRED.subtract(limitOffsetPercent))
                .divide(HUNDRED, 16, RoundingMode.FLOOR);
        BigDecimal limit = rules.floorPrice(raw);
        if (rules.sellPriceBand().isPresent()) {
            BigDecimal average = averagePrice.get();
            BigDecimal lowest = ceilToTick(average.multiply(rules.sellPriceBand().get().multiplierDown()), rules);
            BigDecimal highest = rules.floorPrice(average.multiply(rules.sellPriceBand().get().multiplierUp()));
            limit = limit.max(lowest).min(highest.max(lowest));
        }
        return new Price(limit.signum() > 0 ? limit : rules.tickSize());
    }

    private static BigDecimal ceilToTick(BigDecimal price, SymbolRules rules) {
        return price.divide(rules.tickSize(), 0, RoundingMode.CEILING).multiply(rules.tickSize()).stripTrailingZeros();
    }

    /** The average price when {@link #needsAveragePrice} says so, asked once. */
    public static Supplier<BigDecimal> averagePriceOf(SymbolRules rules, Supplier<BigDecimal> ask) {
        Optional<BigDecimal> asked = needsAveragePrice(rules) ? Optional.of(ask.get()) : Optional.empty();
        return () -> asked.orElseGet(ask);
    }
}
