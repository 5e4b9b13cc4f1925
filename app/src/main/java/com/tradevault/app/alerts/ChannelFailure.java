package com.tradevault.app.alerts;

/** A channel did not take an alert: unreachable, refused, or misconfigured. The message never holds a secret. */
public final class ChannelFailure extends Exception {

    public ChannelFailure(String message) {
        super(message);
    }

    public ChannelFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
