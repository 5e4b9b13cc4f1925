package com.tradevault.app.trading;

import java.time.Instant;

/**
 * The bot's equity at one moment, in the quote asset: realized P&L over all
 * positions plus the unrealized P&L of the open ones at the last price seen.
 *
 * @param id            ledger id (0 before it is recorded)
 * @param takenAt       when it was taken
 * @param realized      realized P&L so far
 * @param unrealized    unrealized P&L of the open positions
 * @param openPositions how many positions were open
 */
public record EquitySnapshot(long id, Instant takenAt, Money realized, Money unrealized, int openPositions) {

    /** Realized plus unrealized. */
    public Money equity() {
        return realized.plus(unrealized);
    }
}
