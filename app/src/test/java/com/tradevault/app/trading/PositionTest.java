package com.tradevault.app.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");

    private static Position opened(String received, String cost) {
        return Position.open("BTCUSDT", Quantity.of(received), new BigDecimal(cost),
                e -> TrailingStop.from(e, Trail.percent("1"), Rules.BTCUSDT), T);
    }

    @Test
    void theEntryPriceIsTheCostPerUnitReceivedFeesIncluded() {
        Position p = opened("0.0032967", "99.865821");
        assertEquals(Price.of("30292.66266266"), p.entryPrice(), "99.865821 / 0.0032967, half-even to 8 decimals");
        assertEquals(Quantity.of("0.0032967"), p.quantity());
    }

    @Test
    void aSecondEntryAveragesTheCost() {
        Position p = opened("1", "100").buying(Quantity.of("1"), new BigDecimal("110"), T);
        assertEquals(Price.of("105"), p.entryPrice());
        assertEquals(Quantity.of("2"), p.quantity());
    }

    @Test
    void sellingRealizesPriceDifferenceLessTheQuoteFee() {
        Position p = opened("2", "200").selling(Quantity.of("1.5"), Price.of("103.5"), new BigDecimal("0.15525"), T);
        assertEquals(Money.of("5.09475"), p.realizedPnl(), "1.5 x (103.5 - 100) - 0.15525");
        assertEquals(Quantity.of("0.5"), p.quantity());
    }

    @Test
    void aLosingExitRealizesALoss() {
        Position p = opened("1", "100").selling(Quantity.of("1"), Price.of("99"), new BigDecimal("0.099"), T);
        assertEquals(Money.of("-1.099"), p.realizedPnl());
    }

    @Test
    void closingKeepsTheDustAndStampsTheTime() {
        Position p = opened("0.00212787", "64.4").selling(Quantity.of("0.00212"), Price.of("30500"), BigDecimal.ZERO, T)
                .closed(T.plusSeconds(5));
        assertFalse(p.isOpen());
        assertEquals(Optional.of(T.plusSeconds(5)), p.closedAt());
        assertEquals(Quantity.of("0.00000787"), p.quantity());
    }

    @Test
    void unrealizedPnlIsAtTheGivenPriceBeforeFees() {
        assertEquals(Money.of("-0.5"), opened("0.5", "50").unrealizedPnlAt(Price.of("99")));
    }
}
