package com.tradevault.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.faults.CrashPoints.Point;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashPointsTest {

    @Test
    void unsetNeverHalts() {
        CrashPoints points = new CrashPoints(Map.of());
        for (Point p : Point.values()) {
            assertFalse(points.shouldHalt(p));
        }
    }

    @Test
    void armedPointHaltsTheNthTimeItIsReachedAndNoOtherPointDoes() {
        CrashPoints points = new CrashPoints(Map.of(CrashPoints.VARIABLE, "between-cancel-and-place:2"));
        assertFalse(points.shouldHalt(Point.AFTER_INTENT_COMMIT));
        assertFalse(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
        assertTrue(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
        assertFalse(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
    }

    @Test
    void anUnknownPointIsRefusedNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrashPoints(Map.of(CrashPoints.VARIABLE, "after-lunch")));
        assertEquals("TRADEVAULT_TEST_CRASH_AT=after-lunch names no crash point; use one of after-intent-commit,"
                + " after-send-before-ack, between-cancel-and-place, mid-fill-record, before-alert-delivery, hang-in-scan-loop",
                e.getMessage());
    }
}
