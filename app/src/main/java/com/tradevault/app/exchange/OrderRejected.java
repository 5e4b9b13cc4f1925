package com.tradevault.app.exchange;

/**
 * The venue refused the request: insufficient balance, below minimum notional,
 * bad tick or lot size, an order type the symbol does not allow, duplicate
 * client order id, ...
 */
public final class OrderRejected extends ExchangeException {

    /** Why, in the venue's terms, and whether asking again can ever help. */
    public enum Reason {
        INSUFFICIENT_BALANCE(false), MIN_NOTIONAL(true), PRICE_FILTER(true), PERCENT_PRICE(false), LOT_SIZE(true),
        DUPLICATE_CLIENT_ORDER_ID(false), WOULD_TRIGGER_IMMEDIATELY(false), ORDER_TYPE_NOT_SUPPORTED(true),
        NOT_PERMITTED(true), UNKNOWN_SYMBOL(true), OTHER(false);

        private final boolean permanent;

        Reason(boolean permanent) {
            this.permanent = permanent;
        }

        /**
         * Asking again with the same order cannot succeed (unsupported type,
         * filters, permissions); a temporary refusal (balance locked by
         * another order, a price band that moves with the market) can.
         */
        public boolean permanent() {
            return permanent;
        }
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
