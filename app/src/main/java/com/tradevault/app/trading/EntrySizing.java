package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes an entry by a quote amount and the symbol's rules, and applies the
 * business limits: the cap on open positions, the venue's minimums and the
 * free balance.
 *
 * @param quotePerTrade   quote asset to spend per entry
 * @param maxOpenPositions cap on positions open at once (across symbols)
 */
public record EntrySizing(Money quotePerTrade, int maxOpenPositions) {

    /** Head room kept above the notional for fees and the price moving before a market order fills: 1%. */
    static final BigDecimal BALANCE_HEADROOM = new BigDecimal("1.01");

    public EntryCheck check(Price price, SymbolRules rules, BigDecimal freeQuote, int openPositions) {
        if (openPositions >= maxOpenPositions) {
            return new Rejection(Rejection.Reason.MAX_POSITIONS_REACHED,
                    openPositions + " open, bot.max-open-positions = " + maxOpenPositions);
        }
        Quantity quantity = new Quantity(rules.floorQuantity(
                quotePerTrade.value().divide(price.value(), 16, RoundingMode.FLOOR)));
        BigDecimal notional = quantity.times(price);
        if (quantity.value().compareTo(rules.minQuantity()) < 0 || notional.compareTo(rules.minNotional()) < 0) {
            return new Rejection(Rejection.Reason.TOO_SMALL, quantity + " " + rules.baseAsset() + " (" + plain(notional)
                    + " " + rules.quoteAsset() + ") is below the minimum " + plain(rules.minQuantity()) + " / "
                    + plain(rules.minNotional()) + " " + rules.quoteAsset());
        }
        BigDecimal needed = notional.multiply(BALANCE_HEADROOM);
        if (freeQuote.compareTo(needed) < 0) {
            return new Rejection(Rejection.Reason.INSUFFICIENT_BALANCE, "needs " + plain(needed) + " "
                    + rules.quoteAsset() + " with 1% head room, " + plain(freeQuote) + " free");
        }
        return new Entry(quantity, Money.rounded(notional));
    }

    private static String plain(BigDecimal v) {
        return FixedPoint.plain(v);
    }
}
