package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the paper exchange keeps it: the venue's view plus what only the
 * engine needs (whether a stop has triggered, and what the order holds locked).
 *
 * @param lockedAsset the asset this order reserves while open
 * @param locked      how much of it is still reserved
 */
record PaperOrder(long id, String symbol, ClientOrderId clientOrderId, Side side, OrderType type,
                  OrderStatus status, BigDecimal quantity, BigDecimal executed, BigDecimal cumulativeQuote,
                  Optional<BigDecimal> price, Optional<BigDecimal> stopPrice, boolean triggered,
                  String lockedAsset, BigDecimal locked, Instant createdAt, Instant updatedAt) {

    ExchangeOrder view() {
        return new ExchangeOrder(symbol, Long.toString(id), clientOrderId, side, type, status, quantity, executed,
                cumulativeQuote, price, stopPrice, !awaitsTrigger(), createdAt, updatedAt);
    }

    /** Whether the order now acts as a limit order (a LIMIT, or a STOP_LOSS_LIMIT whose stop triggered). */
    boolean restsAsLimit() {
        return type == OrderType.LIMIT || (type == OrderType.STOP_LOSS_LIMIT && triggered);
    }

    boolean awaitsTrigger() {
        return type.isStop() && !triggered;
    }

    PaperOrder withId(long newId) {
        return new PaperOrder(newId, symbol, clientOrderId, side, type, status, quantity, executed, cumulativeQuote,
                price, stopPrice, triggered, lockedAsset, locked, createdAt, updatedAt);
    }

    PaperOrder triggered(Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, status, quantity, executed, cumulativeQuote,
                price, stopPrice, true, lockedAsset, locked, createdAt, at);
    }

    PaperOrder filled(BigDecimal quote, Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, OrderStatus.FILLED, quantity, quantity, quote,
                price, stopPrice, triggered, lockedAsset, BigDecimal.ZERO, createdAt, at);
    }

    /** Final without a fill (CANCELED, EXPIRED): nothing stays locked. */
    PaperOrder ended(OrderStatus finalStatus, Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, finalStatus, quantity, executed,
                cumulativeQuote, price, stopPrice, triggered, lockedAsset, BigDecimal.ZERO, createdAt, at);
    }
}
