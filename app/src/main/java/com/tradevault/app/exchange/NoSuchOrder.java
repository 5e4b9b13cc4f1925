package com.tradevault.app.exchange;

/** The venue does not know the order (Binance -2013 on lookup, -2011 on cancel). */
public final class NoSuchOrder extends ExchangeException {

    public NoSuchOrder(String message) {
        super(message, null);
    }
}
