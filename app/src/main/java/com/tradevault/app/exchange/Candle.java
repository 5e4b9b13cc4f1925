package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/** One one-minute candle. */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
}
