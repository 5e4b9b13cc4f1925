package com.tradevault.app.exchange;

/** An order's state on the venue, as Binance Spot names it. */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    /** Whether the order can still change. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
