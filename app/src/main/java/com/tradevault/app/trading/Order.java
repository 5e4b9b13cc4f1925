package com.tradevault.app.trading;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the ledger knows it, from the intent written before sending to
 * its final state.
 *
 * @param id                ledger id; 0 before it is first recorded
 * @param executed          filled so far, as the ledger's fills add up
 * @param cancelRequestedAt when the bot decided to cancel it (written before the cancel is sent)
 */
public record Order(long id, ClientOrderId clientOrderId, Optional<String> exchangeOrderId, Optional<Long> positionId,
                    String symbol, Side side, OrderType type, OrderPurpose purpose, Quantity quantity,
                    Optional<Price> price, Optional<Price> stopPrice, Quantity executed, OrderState state,
                    Instant createdAt, Instant updatedAt, Optional<Instant> cancelRequestedAt) {

    /** A new intent: nothing sent yet. */
    public static Order intent(ClientOrderId id, Optional<Long> positionId, String symbol, Side side, OrderType type,
                               OrderPurpose purpose, Quantity quantity, Optional<Price> stopPrice, Instant at) {
        return new Order(0, id, Optional.empty(), positionId, symbol, side, type, purpose, quantity, Optional.empty(),
                stopPrice, Quantity.ZERO, OrderState.INTENT, at, at, Optional.empty());
    }

    /** The request that sends this intent to the venue under its client order id. */
    public OrderRequest request() {
        return new OrderRequest(symbol, side, type, quantity.value(), price.map(Price::value),
                stopPrice.map(Price::value), clientOrderId);
    }

    /** The venue's answer applied: its id and state (fills are counted separately, from the fills themselves). */
    public Order acknowledged(ExchangeOrder answer, Instant at) {
        return new Order(id, clientOrderId, Optional.of(answer.exchangeOrderId()), positionId, symbol, side, type,
                purpose, quantity, price, stopPrice, executed, OrderState.of(answer.status()), createdAt, at,
                cancelRequestedAt);
    }

    public Order withState(OrderState newState, Instant at) {
        return new Order(id, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, executed, newState, createdAt, at, cancelRequestedAt);
    }

    public Order withId(long newId) {
        return new Order(newId, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity,
                price, stopPrice, executed, state, createdAt, updatedAt, cancelRequestedAt);
    }

    public Order cancelRequested(Instant at) {
        return new Order(id, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, executed, state, createdAt, at, Optional.of(at));
    }

    /** After a fill of {@code filled}: executed grows, and the order is FILLED once it is complete. */
    public Order filling(Quantity filled, long forPosition, Instant at) {
        Quantity total = executed.plus(filled);
        OrderState next = total.compareTo(quantity) >= 0 ? OrderState.FILLED
                : state == OrderState.INTENT || state == OrderState.NEW ? OrderState.PARTIALLY_FILLED : state;
        return new Order(id, clientOrderId, exchangeOrderId, Optional.of(forPosition), symbol, side, type, purpose,
                quantity, price, stopPrice, total, next, createdAt, at, cancelRequestedAt);
    }

    public boolean isComplete() {
        return executed.compareTo(quantity) >= 0;
    }

    /** A short description for log lines: {@code STOP SELL STOP_LOSS 0.002 BTCUSDT @ 41900 (tv-s-...)}. */
    public String describe() {
        return purpose + " " + side + " " + type + " " + quantity + " " + symbol
                + stopPrice.map(p -> " stop " + p).orElse("") + " (" + clientOrderId + ")";
    }
}
