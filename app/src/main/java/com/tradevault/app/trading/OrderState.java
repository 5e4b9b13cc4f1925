package com.tradevault.app.trading;

import com.tradevault.app.exchange.OrderStatus;

/**
 * An order's state in the ledger: the venue's states, plus {@code INTENT}
 * (recorded, maybe not yet sent) and {@code NEVER_SENT} (the venue confirmed
 * it never got it).
 */
public enum OrderState {
    INTENT, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, NEVER_SENT;

    /** The ledger's state of an order the venue reports in {@code status}. */
    public static OrderState of(OrderStatus status) {
        return switch (status) {
            case NEW, PENDING_NEW, PENDING_CANCEL -> NEW;
            case PARTIALLY_FILLED -> PARTIALLY_FILLED;
            case FILLED -> FILLED;
            case CANCELED -> CANCELED;
            case REJECTED -> REJECTED;
            case EXPIRED, EXPIRED_IN_MATCH -> EXPIRED;
        };
    }

    /** Live on the venue: can still fill. */
    public boolean isLive() {
        return this == NEW || this == PARTIALLY_FILLED;
    }

    /** Not final yet: live, or an intent whose fate is still to be learned. */
    public boolean isUnfinished() {
        return this == INTENT || isLive();
    }
}
