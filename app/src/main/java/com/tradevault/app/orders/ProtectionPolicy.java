package com.tradevault.app.orders;

import com.tradevault.app.trading.StrategySettings;

/**
 * What keeping positions protected needs besides the ledger and the venue:
 * how a symbol's stop is drafted, what to do with a position that has no
 * protection and cannot get one ({@code reconcile.market-through-stop}: exit
 * at market, or leave it and alert), and the symbols found unprotectable.
 *
 * @param exitWhenUnprotected true: sell at market (exit-at-market); false: leave it, report, block entries
 */
public record ProtectionPolicy(DraftingStops drafting, boolean exitWhenUnprotected, UnprotectedSymbols unprotected) {

    /** The defaults: the default stop-limit offset, exit at market, a fresh registry. */
    public static ProtectionPolicy defaults() {
        return new ProtectionPolicy(new DraftingStops(StrategySettings.DEFAULT_STOP_LIMIT_OFFSET_PERCENT), true,
                new UnprotectedSymbols());
    }
}
