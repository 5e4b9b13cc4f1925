package com.tradevault.app.exchange;

/**
 * The venue refused the request: insufficient balance, below minimum notional,
 * bad tick or lot size, duplicate client order id, ...
 */
public final class OrderRejected extends ExchangeException {

    /** Why, in the venue's terms. */
    public enum Reason {
        INSUFFICIENT_BALANCE, MIN_NOTIONAL, PRICE_FILTER, LOT_SIZE, DUPLICATE_CLIENT_ORDER_ID,
        WOULD_TRIGGER_IMMEDIATELY, UNKNOWN_SYMBOL, OTHER
    }

    private final Reason reason;
    private final int code;

    public OrderRejected(Reason reason, int code, String message) {
        super(message, null);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** The venue's error code (Binance's, e.g. -2010), or 0. */
    public int code() {
        return code;
    }
}
