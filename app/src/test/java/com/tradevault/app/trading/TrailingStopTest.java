package com.tradevault.app.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TrailingStopTest {

    @Test
    void aPercentTrailSitsBelowTheEntryRoundedDownToTheTick() {
        TrailingStop stop = TrailingStop.from(Price.of("30262.37"), Trail.percent("1"), Rules.BTCUSDT);
        assertEquals(Price.of("29959.74"), stop.level(), "30262.37 x 0.99 = 29959.7463, floored to 0.01");
        assertEquals(Price.of("30262.37"), stop.highest());
    }

    @Test
    void anAbsoluteTrailSitsThatFarBelowTheHigh() {
        TrailingStop stop = TrailingStop.from(Price.of("100"), Trail.absolute("2.5"), Rules.BTCUSDT);
        assertEquals(Price.of("97.5"), stop.level());
        assertEquals(Price.of("99.5"), stop.seeing(Price.of("102"), Rules.BTCUSDT).level());
    }

    @Test
    void aNewHighRaisesTheStopAndAFallNeverLowersIt() {
        TrailingStop stop = TrailingStop.from(Price.of("100"), Trail.percent("1"), Rules.BTCUSDT);
        TrailingStop higher = stop.seeing(Price.of("110"), Rules.BTCUSDT);
        assertEquals(Price.of("108.9"), higher.level());
        assertEquals(Price.of("110"), higher.highest());
        assertSame(higher, higher.seeing(Price.of("105"), Rules.BTCUSDT));
    }

    @Test
    void theStopIsReplacedOnlyWhenItRoseByTheMinimumMove() {
        TrailingStop stop = TrailingStop.from(Price.of("100"), Trail.percent("1"), Rules.BTCUSDT);
        TrailingStop slightly = stop.seeing(Price.of("100.05"), Rules.BTCUSDT);
        assertEquals(Price.of("99.04"), slightly.level());
        assertFalse(slightly.worthMovingFrom(stop.level(), new BigDecimal("0.1")), "0.05 < 0.1% of 99");
        assertTrue(stop.seeing(Price.of("100.2"), Rules.BTCUSDT).worthMovingFrom(stop.level(), new BigDecimal("0.1")));
    }

    @Test
    void aPriceAtOrBelowTheLevelHitsTheStop() {
        TrailingStop stop = TrailingStop.from(Price.of("100"), Trail.percent("1"), Rules.BTCUSDT);
        assertTrue(stop.isHitBy(Price.of("99")));
        assertFalse(stop.isHitBy(Price.of("99.01")));
    }

    @Test
    void aTrailWiderThanThePriceKeepsTheStopAtOneTick() {
        assertEquals(Price.of("0.01"), TrailingStop.from(Price.of("1"), Trail.absolute("5"), Rules.BTCUSDT).level());
    }

    @Test
    void aPercentTrailOfHundredOrMoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Trail.percent("100"));
    }
}
