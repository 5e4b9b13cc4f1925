package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the venue reports it.
 *
 * @param executedQuantity    filled so far
 * @param cumulativeQuote     quote amount filled so far
 * @param working             on the order book (Binance {@code isWorking}): a stop is working once its stop
 *                            price triggered it; a triggered stop-limit that is still open did not fill at its
 *                            limit (the price gapped through it) and protects nothing any more
 * @param trailingDelta       a trailing stop's {@code trailingDelta} in basis points
 */
public record ExchangeOrder(String symbol, String exchangeOrderId, ClientOrderId clientOrderId, Side side,
                            OrderType type, OrderStatus status, BigDecimal quantity, BigDecimal executedQuantity,
                            BigDecimal cumulativeQuote, Optional<BigDecimal> price, Optional<BigDecimal> stopPrice,
                            boolean working, Instant createdAt, Instant updatedAt, Optional<Integer> trailingDelta) {

    /** An order that does not trail. */
    public ExchangeOrder(String symbol, String exchangeOrderId, ClientOrderId clientOrderId, Side side, OrderType type,
                         OrderStatus status, BigDecimal quantity, BigDecimal executedQuantity,
                         BigDecimal cumulativeQuote, Optional<BigDecimal> price, Optional<BigDecimal> stopPrice,
                         boolean working, Instant createdAt, Instant updatedAt) {
        this(symbol, exchangeOrderId, clientOrderId, side, type, status, quantity, executedQuantity, cumulativeQuote,
                price, stopPrice, working, createdAt, updatedAt, Optional.empty());
    }

    /** A stop whose price was reached but that is still open: it did not fill and no longer waits to protect. */
    public boolean triggeredButOpen() {
        return type.isStop() && working && status.isOpen();
    }
}
