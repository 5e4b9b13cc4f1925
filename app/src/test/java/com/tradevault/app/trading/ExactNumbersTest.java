package com.tradevault.app.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    @Test
    void aPriceWithMoreThanEightDecimalsIsRefusedNotRounded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Price.of("0.123456789"));
        assertEquals("price 0.123456789 has more than 8 decimals; the ledger keeps units of 0.00000001",
                e.getMessage());
    }

    @Test
    void valuesRoundTripThroughTheLedgersFixedPointUnits() {
        assertEquals(4696244000001L, Price.of("46962.44000001").e8());
        assertEquals(Price.of("46962.44000001"), Price.ofE8(4696244000001L));
        assertEquals(Money.of("-0.25"), Money.ofE8(-25_000_000L));
        assertEquals(Quantity.of("0.00213"), Quantity.ofE8(213_000L));
    }

    @Test
    void equalValuesWrittenDifferentlyAreEqual() {
        assertEquals(Price.of("100"), Price.of("100.000"));
        assertEquals("100", Price.of("100.000").toString());
    }

    @Test
    void aValueTooLargeForTheLedgerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("100000000000")));
    }

    @Test
    void negativeQuantitiesAndNonPositivePricesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> Price.of("0"));
    }

    @Test
    void pricesRoundDownToTheTickAndQuantitiesToTheLot() {
        assertEquals(Price.of("46962.44"), Price.of("46962.44999").floorToTick(Rules.BTCUSDT));
        assertEquals(Quantity.of("0.00212"), Quantity.of("0.00212787").floorToLot(Rules.BTCUSDT));
    }

    @Test
    void computedAmountsRoundHalfEvenToEightDecimals() {
        assertEquals(Money.of("0.00000002"), Money.rounded(new BigDecimal("0.000000025")));
        assertEquals(Money.of("0.00000004"), Money.rounded(new BigDecimal("0.000000035")));
        assertEquals("+1.5", Money.of("1.5").signed());
    }
}
