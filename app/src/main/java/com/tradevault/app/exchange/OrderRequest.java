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
 * @param trailingDelta a venue-trailed stop's distance in basis points (Binance {@code trailingDelta});
 *                      with a stop price it activates there, without one at once
 * @param clientOrderId the id recorded in the ledger before sending
 */
public record OrderRequest(String symbol, Side side, OrderType type, BigDecimal quantity,
                           Optional<BigDecimal> price, Optional<BigDecimal> stopPrice, Optional<Integer> trailingDelta,
                           ClientOrderId clientOrderId) {

    public OrderRequest {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(type);
        Objects.requireNonNull(quantity);
        Objects.requireNonNull(trailingDelta);
        Objects.requireNonNull(clientOrderId);
    }

    /** An order the venue does not trail. */
    public OrderRequest(String symbol, Side side, OrderType type, BigDecimal quantity, Optional<BigDecimal> price,
                        Optional<BigDecimal> stopPrice, ClientOrderId clientOrderId) {
        this(symbol, side, type, quantity, price, stopPrice, Optional.empty(), clientOrderId);
    }
}
