package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;

/**
 * A symbol's trading rules as the venue lists them in exchangeInfo: filters
 * PRICE_FILTER, LOT_SIZE, NOTIONAL and PERCENT_PRICE_BY_SIDE, the order types
 * it allows, and whether it allows trailing stops and cancel-replace.
 *
 * @param tickSize             prices are multiples of this
 * @param stepSize             quantities are multiples of this
 * @param minQuantity          smallest quantity
 * @param minNotional          smallest price × quantity
 * @param orderTypes           the order types the symbol accepts ({@code orderTypes})
 * @param trailingStopAllowed  {@code allowTrailingStop}: stops may carry a {@code trailingDelta}
 * @param cancelReplaceAllowed {@code cancelReplaceAllowed}: {@code POST /api/v3/order/cancelReplace} works
 * @param sellPriceBand        PERCENT_PRICE_BY_SIDE for SELL orders, where the symbol has it
 * @param sellTrailingDelta    TRAILING_DELTA for sell stops ({@code minTrailingBelowDelta} to
 *                             {@code maxTrailingBelowDelta}), where the symbol has the filter
 */
public record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize,
                          BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional,
                          Set<OrderType> orderTypes, boolean trailingStopAllowed, boolean cancelReplaceAllowed,
                          Optional<PriceBand> sellPriceBand, Optional<DeltaRange> sellTrailingDelta) {

    public SymbolRules {
        orderTypes = Set.copyOf(orderTypes);
    }

    /** Rules without a TRAILING_DELTA filter. */
    public SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal stepSize,
                       BigDecimal minQuantity, BigDecimal minNotional, Set<OrderType> orderTypes,
                       boolean trailingStopAllowed, boolean cancelReplaceAllowed, Optional<PriceBand> sellPriceBand) {
        this(symbol, baseAsset, quoteAsset, tickSize, stepSize, minQuantity, minNotional, orderTypes,
                trailingStopAllowed, cancelReplaceAllowed, sellPriceBand, Optional.empty());
    }

    /** The {@code trailingDelta} values, in basis points, that the TRAILING_DELTA filter admits for one side. */
    public record DeltaRange(int min, int max) {

        public boolean admits(int delta) {
            return delta >= min && delta <= max;
        }

        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    /**
     * The limits of a side's prices relative to the weighted average price
     * (PERCENT_PRICE_BY_SIDE: {@code askMultiplierDown}/{@code askMultiplierUp} for SELL).
     */
    public record PriceBand(BigDecimal multiplierDown, BigDecimal multiplierUp) {

        /** Whether {@code price} lies within the band around {@code averagePrice}. */
        public boolean admits(BigDecimal price, BigDecimal averagePrice) {
            return price.compareTo(averagePrice.multiply(multiplierDown)) >= 0
                    && price.compareTo(averagePrice.multiply(multiplierUp)) <= 0;
        }
    }

    /**
     * The protective stop this symbol allows: a stop-market ({@code STOP_LOSS})
     * where it is listed, else a stop-limit ({@code STOP_LOSS_LIMIT}); empty when
     * the symbol allows neither and a position on it cannot be protected.
     */
    public Optional<OrderType> protectiveStopType() {
        if (orderTypes.contains(OrderType.STOP_LOSS)) {
            return Optional.of(OrderType.STOP_LOSS);
        }
        return orderTypes.contains(OrderType.STOP_LOSS_LIMIT) ? Optional.of(OrderType.STOP_LOSS_LIMIT) : Optional.empty();
    }

    /** Rounds a price down to the tick size. */
    public BigDecimal floorPrice(BigDecimal price) {
        return floorTo(price, tickSize);
    }

    /** Rounds a quantity down to the step size. */
    public BigDecimal floorQuantity(BigDecimal quantity) {
        return floorTo(quantity, stepSize);
    }

    private static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
    }
}
