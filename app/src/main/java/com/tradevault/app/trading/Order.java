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
 * @param trailingDelta     a stop the venue trails itself: its distance in basis points ({@code trailingDelta});
 *                          such a stop may have no stop price (it trails from the first trade after placing)
 */
public record Order(long id, ClientOrderId clientOrderId, Optional<String> exchangeOrderId, Optional<Long> positionId,
                    String symbol, Side side, OrderType type, OrderPurpose purpose, Quantity quantity,
                    Optional<Price> price, Optional<Price> stopPrice, Quantity executed, OrderState state,
                    Instant createdAt, Instant updatedAt, Optional<Instant> cancelRequestedAt,
                    Optional<Integer> trailingDelta) {

    /** A new intent: nothing sent yet. */
    public static Order intent(ClientOrderId id, Optional<Long> positionId, String symbol, Side side, OrderType type,
                               OrderPurpose purpose, Quantity quantity, Optional<Price> stopPrice, Instant at) {
        return intent(id, positionId, symbol, side, type, purpose, quantity, Optional.empty(), stopPrice, at);
    }

    /** A new intent with a limit price (a stop-limit's price once triggered). */
    public static Order intent(ClientOrderId id, Optional<Long> positionId, String symbol, Side side, OrderType type,
                               OrderPurpose purpose, Quantity quantity, Optional<Price> price, Optional<Price> stopPrice,
                               Instant at) {
        return new Order(0, id, Optional.empty(), positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, Quantity.ZERO, OrderState.INTENT, at, at, Optional.empty(), Optional.empty());
    }

    /**
     * An order with our client id prefix that the venue has and the ledger
     * lost (a restored backup, a truncated log): recorded as the venue reports
     * it, for {@code positionId}, so that it protects or fills in the open.
     */
    public static Order adopted(ExchangeOrder venue, OrderPurpose purpose, Optional<Long> positionId, Instant at) {
        return new Order(0, venue.clientOrderId(), Optional.of(venue.exchangeOrderId()), positionId, venue.symbol(),
                venue.side(), venue.type(), purpose, new Quantity(venue.quantity()), venue.price().map(Price::new),
                venue.stopPrice().map(Price::new), Quantity.ZERO, OrderState.of(venue.status()), venue.createdAt(), at,
                Optional.empty(), venue.trailingDelta());
    }

    /** The same intent as a stop the venue trails by {@code delta} basis points. */
    public Order trailedBy(Optional<Integer> delta) {
        return new Order(id, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, executed, state, createdAt, updatedAt, cancelRequestedAt, delta);
    }

    /** Whether the venue acknowledged this order and it is open there: a stop in this state protects. */
    public boolean acknowledgedOpen() {
        return state.isLive() && exchangeOrderId.isPresent() && cancelRequestedAt.isEmpty();
    }

    /** The request that sends this intent to the venue under its client order id. */
    public OrderRequest request() {
        return new OrderRequest(symbol, side, type, quantity.value(), price.map(Price::value),
                stopPrice.map(Price::value), trailingDelta, clientOrderId);
    }

    /** The venue's answer applied: its id and state (fills are counted separately, from the fills themselves). */
    public Order acknowledged(ExchangeOrder answer, Instant at) {
        return new Order(id, clientOrderId, Optional.of(answer.exchangeOrderId()), positionId, symbol, side, type,
                purpose, quantity, price, stopPrice, executed, OrderState.of(answer.status()), createdAt, at,
                cancelRequestedAt, trailingDelta);
    }

    public Order withState(OrderState newState, Instant at) {
        return new Order(id, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, executed, newState, createdAt, at, cancelRequestedAt, trailingDelta);
    }

    public Order withId(long newId) {
        return new Order(newId, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity,
                price, stopPrice, executed, state, createdAt, updatedAt, cancelRequestedAt, trailingDelta);
    }

    public Order cancelRequested(Instant at) {
        return new Order(id, clientOrderId, exchangeOrderId, positionId, symbol, side, type, purpose, quantity, price,
                stopPrice, executed, state, createdAt, at, Optional.of(at), trailingDelta);
    }

    /** After a fill of {@code filled}: executed grows, and the order is FILLED once it is complete. */
    public Order filling(Quantity filled, long forPosition, Instant at) {
        Quantity total = executed.plus(filled);
        OrderState next = total.compareTo(quantity) >= 0 ? OrderState.FILLED
                : state == OrderState.INTENT || state == OrderState.NEW ? OrderState.PARTIALLY_FILLED : state;
        return new Order(id, clientOrderId, exchangeOrderId, Optional.of(forPosition), symbol, side, type, purpose,
                quantity, price, stopPrice, total, next, createdAt, at, cancelRequestedAt, trailingDelta);
    }

    public boolean isComplete() {
        return executed.compareTo(quantity) >= 0;
    }

    /** A short description for log lines: {@code STOP SELL STOP_LOSS 0.002 BTCUSDT @ 41900 (tv-s-...)}. */
    public String describe() {
        return purpose + " " + side + " " + type + " " + quantity + " " + symbol
                + stopPrice.map(p -> " stop " + p).orElse("") + trailingDelta.map(d -> " trailing " + d + " bips")
                .orElse("") + price.filter(p -> stopPrice.isPresent() || trailingDelta.isPresent())
                .map(p -> " limit " + p).orElse("") + " (" + clientOrderId + ")";
    }
}
