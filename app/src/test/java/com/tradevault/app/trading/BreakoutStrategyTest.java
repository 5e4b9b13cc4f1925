package com.tradevault.app.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BreakoutStrategyTest {

    private final BreakoutStrategy strategy = new BreakoutStrategy(
            new StrategySettings(3, new BigDecimal("1"), Trail.percent("1"), new BigDecimal("0.1")));

    @Test
    void itWarmsUpUntilItHasSeenTheLookback() {
        BreakoutStrategy.Signal first = strategy.scan(Price.of("100"));
        assertEquals("warming-up", first.reason());
        assertEquals(0, first.inputs().get("pricesSeen"));
    }

    @Test
    void aPriceAboveTheRangeHighByTheMarginIsABreakout() {
        strategy.scan(Price.of("100"));
        strategy.scan(Price.of("102"));
        strategy.scan(Price.of("101"));
        BreakoutStrategy.Signal signal = strategy.scan(Price.of("103.03"));
        assertTrue(signal.breakout());
        assertEquals(new BigDecimal("103.02"), signal.inputs().get("entryLevel"));
        assertEquals(new BigDecimal("102"), signal.inputs().get("rangeHigh"));
    }

    @Test
    void aPriceInsideTheMarginIsNoBreakout() {
        strategy.scan(Price.of("100"));
        strategy.scan(Price.of("102"));
        strategy.scan(Price.of("101"));
        BreakoutStrategy.Signal signal = strategy.scan(Price.of("103.02"));
        assertFalse(signal.breakout());
        assertEquals("no-breakout", signal.reason());
    }
}
