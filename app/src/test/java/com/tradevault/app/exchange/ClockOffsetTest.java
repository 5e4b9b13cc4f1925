package com.tradevault.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockOffsetTest {

    @Test
    void aServerTimeInsideTheRoundTripIsNoOffset() {
        assertEquals(0, ClockOffset.millis(100, 101, 101));
        assertEquals(0, ClockOffset.millis(100, 100, 100));
        assertEquals(0, ClockOffset.millis(100, 140, 180));
    }

    @Test
    void aServerTimeOutsideTheRoundTripIsMeasuredFromItsMiddle() {
        assertEquals(1_860, ClockOffset.millis(100, 2_000, 180));
        assertEquals(-1_140, ClockOffset.millis(100, -1_000, 180));
        assertEquals(-5_000, ClockOffset.millis(10_000, 5_000, 10_000));
    }
}
