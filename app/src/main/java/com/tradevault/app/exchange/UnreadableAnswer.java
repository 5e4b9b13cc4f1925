package com.tradevault.app.exchange;

/**
 * The venue answered, but not in a shape the adapter can read: a field is
 * missing, has the wrong type or a value no documented enumeration has. The
 * message names the endpoint and the field. Retrying the same request will
 * not help; a human must look (the venue may have changed its API).
 */
public final class UnreadableAnswer extends ExchangeException {

    public UnreadableAnswer(String message) {
        super(message, null);
    }
}
