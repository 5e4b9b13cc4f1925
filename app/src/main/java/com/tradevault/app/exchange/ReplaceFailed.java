package com.tradevault.app.exchange;

import java.util.Optional;

/**
 * A cancel-replace that did not complete. Where the cancel succeeded and the
 * new order failed, {@link #cancelled()} holds the cancelled order: the caller
 * has nothing live any more and must place again at once. Where the cancel
 * failed, nothing was placed ({@code cancelled()} is empty).
 */
public final class ReplaceFailed extends ExchangeException {

    private final transient Optional<ExchangeOrder> cancelled;

    public ReplaceFailed(String message, Optional<ExchangeOrder> cancelled, Throwable cause) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** The order that was cancelled, when the cancel part succeeded. */
    public Optional<ExchangeOrder> cancelled() {
        return cancelled;
    }
}
