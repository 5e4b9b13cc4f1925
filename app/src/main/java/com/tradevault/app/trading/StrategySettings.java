package com.tradevault.app.trading;

import java.math.BigDecimal;

/**
 * The breakout strategy's parameters (configuration section {@code strategy}).
 *
 * @param lookback              how many previous scans make the range to break out of
 * @param breakoutMarginPercent how far above the range's high the price must be, in percent
 * @param trail                 the trailing stop's distance
 * @param minStopMovePercent    how far the stop level must rise before the stop on the venue is replaced
 */
public record StrategySettings(int lookback, BigDecimal breakoutMarginPercent, Trail trail,
                               BigDecimal minStopMovePercent) {
}
