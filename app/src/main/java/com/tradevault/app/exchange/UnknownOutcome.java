package com.tradevault.app.exchange;

/**
 * A request that changes state was sent but no answer came back (timeout,
 * dropped connection, 5xx): it may or may not have been executed. Look the
 * order up by client id before ever sending it again.
 */
public final class UnknownOutcome extends ExchangeException {

    public UnknownOutcome(String message, Throwable cause) {
        super(message, cause);
    }
}
