package com.tradevault.app.exchange;

import java.util.regex.Pattern;

/**
 * The id the bot gives an order before sending it, so that it can always ask
 * the venue about it. Binance allows {@code [.A-Z:/a-z0-9_-]{1,36}}; ours all
 * start with {@link #PREFIX} so that orders of this bot can be told apart.
 */
public record ClientOrderId(String value) {

    public static final String PREFIX = "tv-";
    private static final Pattern VALID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    public ClientOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid client order id '" + value + "': 1 to 36 of [.A-Z:/a-z0-9_-]");
        }
    }

    public boolean isOurs() {
        return value.startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
