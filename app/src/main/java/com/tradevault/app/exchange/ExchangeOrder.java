package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the venue reports it.
 *
 * @param executedQuantity    filled so far
 * @param cumulativeQuote     quote amount filled so far
 */
public record ExchangeOrder(String symbol, String exchangeOrderId, ClientOrderId clientOrderId, Side side,
                            OrderType type, OrderStatus status, BigDecimal quantity, BigDecimal executedQuantity,
                            BigDecimal cumulativeQuote, Optional<BigDecimal> price, Optional<BigDecimal> stopPrice,
                            Instant createdAt, Instant updatedAt) {
}
