package com.tradevault.app.exchange.paper;

import java.math.BigDecimal;

/** Where the paper exchange's prices come from: one new price per symbol per tick. */
interface PriceFeed {

    /**
     * The price of {@code symbol} at tick number {@code tick}, given the last one.
     * Depends only on its arguments, so a restarted exchange continues the same series.
     */
    BigDecimal next(String symbol, BigDecimal last, long tick);
}
