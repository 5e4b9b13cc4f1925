package com.tradevault.app.exchange;

/** A failure talking to the venue; the subclass says what the caller must do. */
public abstract class ExchangeException extends RuntimeException {

    protected ExchangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
