package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of one of the account's orders.
 *
 * @param tradeId         the venue's trade id (unique per symbol)
 * @param exchangeOrderId the order it filled
 * @param commission      the fee charged, in {@code commissionAsset}
 */
public record ExchangeTrade(String symbol, long tradeId, String exchangeOrderId, Side side, BigDecimal price,
                            BigDecimal quantity, BigDecimal commission, String commissionAsset, Instant time) {

    /** A fill id unique across symbols, as the ledger stores it. */
    public String fillId() {
        return symbol + ":" + tradeId;
    }
}
