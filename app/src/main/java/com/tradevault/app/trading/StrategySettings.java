package com.tradevault.app.trading;

import java.math.BigDecimal;

/**
 * The breakout strategy's parameters (configuration section {@code strategy}).
 *
 * @param lookback                 how many previous scans make the range to break out of
 * @param breakoutMarginPercent    how far above the range's high the price must be, in percent
 * @param trail                    the trailing stop's distance
 * @param minStopMovePercent       how far the stop level must rise before the stop on the venue is replaced
 * @param stopLimitOffsetPercent   where a symbol allows no stop-market order: how far below the stop price the
 *                                 stop-limit's limit price sits, in percent of the stop price
 */
public record StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                               BigDecimal minStopMovePercent, BigDecimal stopLimitOffsetPercent) {

    /** The default offset of a stop-limit's limit below its stop price, in percent. */
    public static final BigDecimal DEFAULT_STOP_LIMIT_OFFSET_PERCENT = new BigDecimal("0.5");

    /** The parameters with the default stop-limit offset. */
    public StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                            BigDecimal minStopMovePercent) {
        this(lookback, breakoutMarginPercent, trail, minStopMovePercent, DEFAULT_STOP_LIMIT_OFFSET_PERCENT);
    }
}
