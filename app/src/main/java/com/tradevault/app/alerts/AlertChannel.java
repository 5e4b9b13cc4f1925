package com.tradevault.app.alerts;

import java.time.Instant;

/** A way to reach the owner: a webhook, Telegram, email. Adapters live in {@code alerts/channels}. */
public interface AlertChannel {

    /** The channel's name in messages and in the outbox: webhook, telegram, email. */
    String name();

    /**
     * Delivers {@code alert}, recorded at {@code at}; returns only when the
     * receiving side accepted it.
     *
     * @throws ChannelFailure when it did not (the message says why, without secrets)
     */
    void deliver(Alert alert, Instant at) throws ChannelFailure;
}
