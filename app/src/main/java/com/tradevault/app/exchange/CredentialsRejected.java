package com.tradevault.app.exchange;

/**
 * The venue refused the account's credentials: unknown API key, bad signature
 * (wrong secret), or missing permissions (Binance -2014, -2015, -1022).
 * Retrying cannot help: a human must fix the key or secret.
 */
public final class CredentialsRejected extends ExchangeException {

    private final int code;

    public CredentialsRejected(int code, String message) {
        super(message, null);
        this.code = code;
    }

    /** The venue's error code. */
    public int code() {
        return code;
    }
}
