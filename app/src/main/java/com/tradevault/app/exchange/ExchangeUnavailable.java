package com.tradevault.app.exchange;

import java.time.Duration;
import java.util.Optional;

/** The venue cannot be reached or asks us to slow down; nothing was executed. Retry later. */
public final class ExchangeUnavailable extends ExchangeException {

    private final Optional<Duration> retryAfter;

    public ExchangeUnavailable(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the venue asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
