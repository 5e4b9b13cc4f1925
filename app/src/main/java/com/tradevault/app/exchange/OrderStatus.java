package com.tradevault.app.exchange;

/**
 * An order's state on the venue, as Binance Spot names it (enums.md, "Order
 * status"). {@code PENDING_NEW} is an order-list leg waiting for its working
 * order; {@code PENDING_CANCEL} is documented as unused; {@code EXPIRED_IN_MATCH}
 * is an order expired by self-trade prevention.
 */
public enum OrderStatus {
    NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED, EXPIRED, EXPIRED_IN_MATCH;

    /** Whether the order can still change. */
    public boolean isOpen() {
        return this == NEW || this == PENDING_NEW || this == PARTIALLY_FILLED || this == PENDING_CANCEL;
    }
}
