package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order to place.
 *
 * @param symbol        e.g. BTCUSDT
 * @param side          buy or sell
 * @param type          market, limit, stop-market or stop-limit
 * @param quantity      base-asset quantity, already rounded to the lot size
 * @param price         limit price (LIMIT, STOP_LOSS_LIMIT)
 * @param stopPrice     trigger price (STOP_LOSS, STOP_LOSS_LIMIT)
 * @param clientOrderId the id recorded in the ledger before sending
 */
public record OrderRequest(String symbol, Side side, OrderType type, BigDecimal quantity,
                           Optional<BigDecimal> price, Optional<BigDecimal> stopPrice, ClientOrderId clientOrderId) {

    public OrderRequest {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(type);
        Objects.requireNonNull(quantity);
        Objects.requireNonNull(clientOrderId);
    }
}
