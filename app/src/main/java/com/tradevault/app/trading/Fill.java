package com.tradevault.app.trading;

import com.tradevault.app.exchange.ExchangeTrade;
import java.time.Instant;

/**
 * One execution of one of our orders, recorded exactly once under the venue's
 * fill id.
 *
 * @param exchangeFillId the venue's id, unique across symbols ({@code SYMBOL:tradeId})
 * @param orderId        the ledger order it belongs to
 * @param fee            the fee charged, in {@code feeAsset}
 */
public record Fill(String exchangeFillId, long orderId, Price price, Quantity quantity, Quantity fee,
                   String feeAsset, Instant filledAt) {

    public static Fill of(ExchangeTrade trade, long orderId) {
        return new Fill(trade.fillId(), orderId, new Price(trade.price()), new Quantity(trade.quantity()),
                new Quantity(trade.commission()), trade.commissionAsset(), trade.time());
    }
}
