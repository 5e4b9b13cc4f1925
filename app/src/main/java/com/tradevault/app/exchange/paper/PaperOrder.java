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
 * engine needs (whether a contingent order has triggered, what the order holds
 * locked, and where a trailing stop is tracking from).
 *
 * @param lockedAsset   the asset this order reserves while open
 * @param locked        how much of it is still reserved
 * @param trailingDelta a trailing stop's distance in basis points
 * @param trailExtreme  a trailing stop that is tracking: the highest (sell) or lowest (buy) price since it
 *                      started; empty while it waits for its stop price
 * @param origQuoteQty  a MARKET order's {@code quoteOrderQty}, else zero
 * @param workingSince  when the order went on the book (placed, or its stop triggered); empty before
 */
public record PaperOrder(long id, String symbol, ClientOrderId clientOrderId, Side side, OrderType type,
                  OrderStatus status, BigDecimal quantity, BigDecimal executed, BigDecimal cumulativeQuote,
                  Optional<BigDecimal> price, Optional<BigDecimal> stopPrice, boolean triggered,
                  String lockedAsset, BigDecimal locked, Instant createdAt, Instant updatedAt,
                  Optional<Integer> trailingDelta, Optional<BigDecimal> trailExtreme, BigDecimal origQuoteQty,
                  Optional<Instant> workingSince) {

    /** The order as the {@code Exchange} port reports it. */
    public ExchangeOrder view() {
        return new ExchangeOrder(symbol, Long.toString(id), clientOrderId, side, type, status, quantity, executed,
                cumulativeQuote, price, stopPrice, !awaitsTrigger(), createdAt, updatedAt, trailingDelta);
    }

    /** Whether the order now acts as a limit order (a LIMIT, or a *_LIMIT whose stop triggered). */
    boolean restsAsLimit() {
        return type == OrderType.LIMIT || type == OrderType.LIMIT_MAKER
                || (Contingent.is(type) && type.hasLimitPrice() && triggered);
    }

    /** A contingent order whose stop price (or trailing condition) has not been reached yet. */
    public boolean awaitsTrigger() {
        return Contingent.is(type) && !triggered;
    }

    PaperOrder withId(long newId) {
        return new PaperOrder(newId, symbol, clientOrderId, side, type, status, quantity, executed, cumulativeQuote,
                price, stopPrice, triggered, lockedAsset, locked, createdAt, updatedAt, trailingDelta, trailExtreme,
                origQuoteQty, workingSince);
    }

    PaperOrder triggered(Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, status, quantity, executed, cumulativeQuote,
                price, stopPrice, true, lockedAsset, locked, createdAt, at, trailingDelta, trailExtreme, origQuoteQty,
                Optional.of(at));
    }

    PaperOrder tracking(BigDecimal extreme) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, status, quantity, executed, cumulativeQuote,
                price, stopPrice, triggered, lockedAsset, locked, createdAt, updatedAt, trailingDelta,
                Optional.of(extreme), origQuoteQty, workingSince);
    }

    PaperOrder filled(BigDecimal quote, Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, OrderStatus.FILLED, quantity, quantity, quote,
                price, stopPrice, triggered, lockedAsset, BigDecimal.ZERO, createdAt, at, trailingDelta, trailExtreme,
                origQuoteQty, workingSince);
    }

    /** Final without a fill (CANCELED, EXPIRED): nothing stays locked. */
    PaperOrder ended(OrderStatus finalStatus, Instant at) {
        return new PaperOrder(id, symbol, clientOrderId, side, type, finalStatus, quantity, executed,
                cumulativeQuote, price, stopPrice, triggered, lockedAsset, BigDecimal.ZERO, createdAt, at,
                trailingDelta, trailExtreme, origQuoteQty, workingSince);
    }
}
