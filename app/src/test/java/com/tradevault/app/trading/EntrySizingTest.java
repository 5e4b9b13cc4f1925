package com.tradevault.app.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EntrySizingTest {

    private final EntrySizing sizing = new EntrySizing(Money.of("100"), 2);

    @Test
    void theQuantityIsTheQuoteAmountRoundedDownToTheLot() {
        assertEquals(new Entry(Quantity.of("0.0033"), Money.of("99.865821")),
                sizing.check(Price.of("30262.37"), Rules.BTCUSDT, new BigDecimal("1000"), 0));
    }

    @Test
    void theCapOnOpenPositionsRejectsWithAReason() {
        assertEquals(new Rejection(Rejection.Reason.MAX_POSITIONS_REACHED, "2 open, bot.max-open-positions = 2"),
                sizing.check(Price.of("100"), Rules.BTCUSDT, new BigDecimal("1000"), 2));
    }

    @Test
    void anEntryBelowTheVenuesMinimumIsTooSmall() {
        EntryCheck check = new EntrySizing(Money.of("4"), 1).check(Price.of("100"), Rules.BTCUSDT,
                new BigDecimal("1000"), 0);
        assertEquals(new Rejection(Rejection.Reason.TOO_SMALL, "0.04 BTC (4 USDT) is below the minimum 0.00001 / 5 USDT"),
                check);
    }

    @Test
    void tooLittleFreeQuoteIsAnInsufficientBalance() {
        assertEquals(new Rejection(Rejection.Reason.INSUFFICIENT_BALANCE, "needs 101 USDT with 1% head room, 100.5 free"),
                sizing.check(Price.of("100"), Rules.BTCUSDT, new BigDecimal("100.5"), 0));
    }
}
