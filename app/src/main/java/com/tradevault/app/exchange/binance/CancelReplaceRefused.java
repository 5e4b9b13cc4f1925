package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.ExchangeException;

/**
 * A cancel-replace answered -2021 or -2022 with the {@code data} that says
 * which half failed; only the adapter sees it, and turns it into the port's
 * {@code ReplaceFailed} or the new order.
 */
final class CancelReplaceRefused extends ExchangeException {

    private final transient JsonNode data;

    CancelReplaceRefused(String message, JsonNode data) {
        super(message, null);
        this.data = data;
    }

    /** {@code cancelResult}, {@code newOrderResult}, {@code cancelResponse}, {@code newOrderResponse}. */
    JsonNode data() {
        return data;
    }
}
