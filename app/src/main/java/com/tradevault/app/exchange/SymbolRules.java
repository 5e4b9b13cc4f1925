package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A symbol's trading rules (Binance filters PRICE_FILTER, LOT_SIZE, NOTIONAL).
 *
 * @param tickSize    prices are multiples of this
 * @param stepSize    quantities are multiples of this
 * @param minQuantity smallest quantity
 * @param minNotional smallest price × quantity
 */
public record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize,
                          BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional) {

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
